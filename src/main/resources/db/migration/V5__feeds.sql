-- Feeds (issue 14): applications push insights by their own ids. A tenant lists the applications (Entra app ids)
-- allowed to feed its organizations, each with the name history shows for it.
CREATE TABLE tenant_feeder (tenant_id VARCHAR(36) NOT NULL, feeder_order INTEGER NOT NULL, app_id VARCHAR(36) NOT NULL, name VARCHAR(100) NOT NULL, CONSTRAINT pk_tenant_feeder PRIMARY KEY (tenant_id, feeder_order), CONSTRAINT fk_tenant_feeder_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE);
CREATE INDEX ix_tenant_feeder_app ON tenant_feeder (app_id);
-- A fed insight is named by its source and external id, unique within its organization. The organization is kept on
-- the insight (only for fed ones) because a unique constraint cannot reach it through the record; curated insights
-- leave the three columns NULL, which no unique constraint counts on either database.
ALTER TABLE insight ADD COLUMN feed_organization_id BIGINT;
ALTER TABLE insight ADD COLUMN feed_source VARCHAR(64);
ALTER TABLE insight ADD COLUMN feed_external_id VARCHAR(200);
ALTER TABLE insight ADD CONSTRAINT fk_insight_feed_organization FOREIGN KEY (feed_organization_id) REFERENCES crm_organization (id);
CREATE UNIQUE INDEX uq_insight_feed ON insight (feed_organization_id, feed_source, feed_external_id);
-- Curators may hide an insight (a fed one above all) from sellers without deleting it: a feed never changes it.
ALTER TABLE insight ADD COLUMN hidden BOOLEAN DEFAULT FALSE NOT NULL;
