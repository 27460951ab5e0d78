-- Sitrep store, schema 1. Offsets are UTF-16 code units into documents.text (end-exclusive).
-- Spans and whole records are JSON text (queryable with JSON1); the typed columns are for filters.

CREATE TABLE documents (
    id               TEXT PRIMARY KEY NOT NULL,
    content_hash     TEXT NOT NULL,
    pipeline_version TEXT NOT NULL,
    source           TEXT,
    url              TEXT,
    title            TEXT,
    outlet           TEXT,
    published        TEXT,              -- yyyy-MM-dd or NULL
    text             TEXT NOT NULL,
    body             TEXT NOT NULL,     -- JSON [{start,end}]
    comments         TEXT NOT NULL,     -- JSON [{start,end}]
    boilerplate      TEXT NOT NULL,     -- JSON [{start,end}]
    warnings         TEXT NOT NULL,     -- JSON ["..."]
    ingested_at      TEXT NOT NULL      -- ISO 8601 UTC
);
CREATE INDEX documents_outlet ON documents(outlet);
CREATE INDEX documents_published ON documents(published);

CREATE TABLE mentions (
    rid      INTEGER PRIMARY KEY,
    doc_id   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start    INTEGER NOT NULL,
    "end"    INTEGER NOT NULL,
    label    TEXT NOT NULL,
    payload  TEXT NOT NULL            -- JSON of the mention's fields
);
CREATE INDEX mentions_doc ON mentions(doc_id, start);
CREATE INDEX mentions_label ON mentions(label);

-- rid is the stable integer key the R*Tree and the search index refer to; id is the event id.
CREATE TABLE events (
    rid            INTEGER PRIMARY KEY,
    id             TEXT NOT NULL UNIQUE,
    doc_id         TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    event_type     TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    actor1         TEXT,
    actor2         TEXT,
    admin1         TEXT,
    country        TEXT,
    location_name  TEXT,
    lat            REAL,
    lon            REAL,
    geo_precision  INTEGER,
    date_value     TEXT,
    date_precision TEXT,
    fatalities     INTEGER,
    hedged         INTEGER NOT NULL,
    json           TEXT NOT NULL        -- the full ConflictEvent
);
CREATE INDEX events_doc ON events(doc_id);
CREATE INDEX events_date ON events(date_value);
CREATE INDEX events_type ON events(event_type, sub_event_type);

CREATE TABLE claims (
    rid    INTEGER PRIMARY KEY,
    id     TEXT NOT NULL UNIQUE,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    json   TEXT NOT NULL                -- the full Claim
);
CREATE INDEX claims_doc ON claims(doc_id);

-- Map boxes: one entry per located event, keyed by events.rid.
CREATE VIRTUAL TABLE event_points USING rtree(rid, min_lon, max_lon, min_lat, max_lat);

-- Full-text search over document title+text and event notes. The index keeps no copy of the
-- text (the documents table has it); search_rows says which document or event each row is.
CREATE TABLE search_rows (
    rid      INTEGER PRIMARY KEY,
    doc_id   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    event_id TEXT                       -- NULL for the document's own row
);
CREATE INDEX search_rows_doc ON search_rows(doc_id);
CREATE VIRTUAL TABLE search USING fts5(
    title, text,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);
