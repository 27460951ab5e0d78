-- The event list is newest first by the stored date value, compared code unit by code unit as SQLite
-- does (a year or month value sorts after the days within it), so both stores page alike. This index
-- serves the unfiltered first pages.
CREATE INDEX events_date_value ON events ((date_value COLLATE "C") DESC NULLS LAST, rid);
