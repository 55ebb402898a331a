-- The seed scripts that ran on this database, by the name the configuration gave them and the SHA-256 of their text:
-- each runs once per database, so that a restart never brings back what a curator deleted (SeedScripts).
CREATE TABLE seed_script (name VARCHAR(1000) NOT NULL, checksum VARCHAR(64) NOT NULL, statements INTEGER NOT NULL, applied_at TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT pk_seed_script PRIMARY KEY (name, checksum));
-- A database that already holds data when the ledger arrives (made by 0.1, which ran its seed scripts on every start)
-- has run the scripts its configuration names: the next start records them without running them again (adoption), so
-- that the upgrade does not bring back what curators deleted before it.
CREATE TABLE seed_script_adoption (pending BOOLEAN NOT NULL);
INSERT INTO seed_script_adoption (pending) SELECT TRUE WHERE EXISTS (SELECT 1 FROM tenant) OR EXISTS (SELECT 1 FROM crm_organization);
