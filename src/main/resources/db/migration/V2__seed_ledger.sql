-- The seed scripts that ran on this database, by the name the configuration gave them and the SHA-256 of their text:
-- each runs once per database, so that a restart never brings back what a curator deleted (SeedScripts).
CREATE TABLE seed_script (name VARCHAR(1000) NOT NULL, checksum VARCHAR(64) NOT NULL, statements INTEGER NOT NULL, applied_at TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT pk_seed_script PRIMARY KEY (name, checksum));
