-- V5 added the feed columns to a table the database had gathered statistics for before: until autovacuum analyzes it
-- again (after a tenth of its rows changed), PostgreSQL plans a feed's lookup by external ids without statistics
-- for them and scans every fed insight of the source for each batch. Statistics now, on every table (PostgreSQL
-- and H2 both take ANALYZE alone; it changes no row).
ANALYZE;
