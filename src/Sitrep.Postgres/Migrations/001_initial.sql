-- Sitrep on PostgreSQL 15 + PostGIS, schema 1: the same tables as the SQLite store, plus the work
-- queue that any number of worker processes claim from. Offsets are UTF-16 code units into
-- documents.text (end-exclusive); spans and whole records are jsonb.

CREATE EXTENSION IF NOT EXISTS postgis;

-- The work queue: one row per document id, holding the ingested (not yet processed) document.
-- state 0 = pending, 1 = done, 2 = failed. Workers claim pending rows with FOR UPDATE SKIP LOCKED
-- inside the transaction that also writes the results, so a killed worker's rows are simply
-- unlocked and claimed again, and a document's results are committed exactly once.
CREATE TABLE queue (
    seq              bigserial UNIQUE,
    id               text PRIMARY KEY,
    content_hash     text NOT NULL,
    pipeline_version text NOT NULL,
    document         jsonb NOT NULL,
    state            smallint NOT NULL DEFAULT 0,
    attempts         integer NOT NULL DEFAULT 0,
    error            text,
    worker           text,
    enqueued_at      timestamptz NOT NULL DEFAULT now(),
    finished_at      timestamptz
);
CREATE INDEX queue_pending ON queue (seq) WHERE state = 0;

CREATE TABLE documents (
    id               text PRIMARY KEY,
    content_hash     text NOT NULL,
    pipeline_version text NOT NULL,
    source           text,
    url              text,
    title            text,
    outlet           text,
    published        date,
    text             text NOT NULL,
    body             jsonb NOT NULL,
    comments         jsonb NOT NULL,
    boilerplate      jsonb NOT NULL,
    warnings         jsonb NOT NULL,
    ingested_at      timestamptz NOT NULL DEFAULT now(),
    search           tsvector GENERATED ALWAYS AS (
                         to_tsvector('simple', coalesce(title, '') || ' ' || left(text, 200000))) STORED
);
CREATE INDEX documents_outlet ON documents (outlet);
CREATE INDEX documents_published ON documents (published);
CREATE INDEX documents_search ON documents USING gin (search);

CREATE TABLE mentions (
    doc_id  text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    start   integer NOT NULL,
    "end"   integer NOT NULL,
    label   text NOT NULL,
    payload jsonb NOT NULL
);
CREATE INDEX mentions_doc ON mentions (doc_id, start);

-- date_from/date_to: the days the event's date covers (a month value covers the month), for range filters.
CREATE TABLE events (
    rid            bigserial PRIMARY KEY,
    id             text NOT NULL UNIQUE,
    doc_id         text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    event_type     text NOT NULL,
    sub_event_type text NOT NULL,
    actor1         text,
    actor2         text,
    admin1         text,
    country        text,
    location_name  text,
    lat            double precision,
    lon            double precision,
    geog           geography (Point, 4326) GENERATED ALWAYS AS (
                       CASE WHEN lat IS NOT NULL AND lon IS NOT NULL
                            THEN ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography END) STORED,
    geo_precision  integer,
    date_value     text,
    date_precision text,
    date_from      date,
    date_to        date,
    -- (lon, lat, day number) from the first to the last day: one n-D GiST index answers box + date range
    -- queries whether the box or the dates are the narrow side.
    spacetime      geometry GENERATED ALWAYS AS (
                       CASE WHEN lat IS NOT NULL AND lon IS NOT NULL AND date_from IS NOT NULL
                            THEN ST_MakeLine(ST_MakePoint(lon, lat, date_from - DATE '2000-01-01'),
                                             ST_MakePoint(lon, lat, COALESCE(date_to, date_from) - DATE '2000-01-01')) END) STORED,
    days           daterange GENERATED ALWAYS AS (
                       CASE WHEN date_from IS NOT NULL THEN daterange(date_from, COALESCE(date_to, date_from), '[]') END) STORED,
    fatalities     integer,
    hedged         boolean NOT NULL,
    json           jsonb NOT NULL,
    search         tsvector GENERATED ALWAYS AS (to_tsvector('simple', coalesce(json ->> 'notes', ''))) STORED
);
CREATE INDEX events_doc ON events (doc_id);
CREATE INDEX events_geog ON events USING gist (geog);
CREATE INDEX events_spacetime ON events USING gist (spacetime gist_geometry_ops_nd);
CREATE INDEX events_days ON events USING gist (days);
CREATE INDEX events_date_from ON events (date_from);
CREATE INDEX events_type ON events (event_type, sub_event_type);
CREATE INDEX events_search ON events USING gin (search);

CREATE TABLE claims (
    rid    bigserial PRIMARY KEY,
    id     text NOT NULL UNIQUE,
    doc_id text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    json   jsonb NOT NULL
);
CREATE INDEX claims_doc ON claims (doc_id);

-- Fusion: document fingerprints, the cluster (real-world event) of each stored event, and the fused view.
CREATE TABLE fusion_documents (
    doc_id      text PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    text_sha256 text NOT NULL,
    minhash     bytea NOT NULL,
    publisher   text NOT NULL
);
CREATE TABLE fusion_members (
    event_id   text PRIMARY KEY REFERENCES events (id) ON DELETE CASCADE,
    cluster_id bigint NOT NULL
);
CREATE INDEX fusion_members_cluster ON fusion_members (cluster_id);
-- One row per cluster; a cluster that loses a member (its document re-ingested) loses its row and is rebuilt.
CREATE TABLE fused_events (
    id         text PRIMARY KEY,
    cluster_id bigint NOT NULL UNIQUE,
    date_value text,
    json       jsonb NOT NULL
);
CREATE FUNCTION fusion_member_gone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM fused_events WHERE cluster_id = OLD.cluster_id;
    RETURN NULL;
END $$;
CREATE TRIGGER fusion_members_delete AFTER DELETE ON fusion_members
    FOR EACH ROW EXECUTE FUNCTION fusion_member_gone();
