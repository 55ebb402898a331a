-- The history kept each change's snapshot of the insight cut to 8000 characters, which could cut its JSON in two
-- (an insight with many translations is longer). Both databases take SET DATA TYPE; existing rows are kept as they are.
ALTER TABLE insight_change ALTER COLUMN content SET DATA TYPE VARCHAR(1000000);
