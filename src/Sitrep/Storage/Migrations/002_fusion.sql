-- Sitrep store, schema 2: fusion. Copy fingerprints and publishers of documents, and the cluster
-- (real-world event) each stored event belongs to, so later runs only cluster new events.

CREATE TABLE fusion_documents (
    doc_id      TEXT PRIMARY KEY NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    text_sha256 TEXT NOT NULL,          -- SHA-256 of the normalised body words
    minhash     BLOB NOT NULL,          -- 64 x uint32 MinHash over word 3-shingles
    publisher   TEXT NOT NULL           -- outlet registry key, or unknown:<name>
);

CREATE TABLE fusion_members (
    event_id   TEXT PRIMARY KEY NOT NULL,
    cluster_id INTEGER NOT NULL
);
CREATE INDEX fusion_members_cluster ON fusion_members(cluster_id);

-- A re-ingested document replaces its events: their cluster memberships go with them.
CREATE TRIGGER events_fusion_delete AFTER DELETE ON events BEGIN
    DELETE FROM fusion_members WHERE event_id = old.id;
END;
