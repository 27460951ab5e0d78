-- The current fused view of the store, one row per real-world event, rewritten after each fusion run.
-- json is the fused event as written to fused_events.jsonl (reports, independent_sources, corroboration).
CREATE TABLE IF NOT EXISTS fused_events (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    json TEXT NOT NULL
);
