-- A document's mentions as one JSON array (in text order) instead of a row each: a save is one insert per document
-- instead of one per mention with two index entries, and a document's mentions are read in one lookup.
CREATE TABLE mention_sets (
    doc_id TEXT PRIMARY KEY NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    json   TEXT NOT NULL                -- JSON array of the mentions' fields, each with its label and span
) WITHOUT ROWID;

INSERT INTO mention_sets (doc_id, json)
SELECT doc_id, '[' || group_concat(payload, ',' ORDER BY start, "end", rid) || ']'
FROM mentions
GROUP BY doc_id;

DROP TABLE mentions;
ALTER TABLE mention_sets RENAME TO mentions;
