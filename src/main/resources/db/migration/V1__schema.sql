-- The schema as releases up to 0.1 made it, on every start. Every statement is idempotent (IF NOT EXISTS), so that
-- it also runs cleanly on a database those releases made (Flyway's baseline there is version 0, before this one).
CREATE SEQUENCE IF NOT EXISTS insight_seq START WITH 1000 INCREMENT BY 50;
CREATE SEQUENCE IF NOT EXISTS crm_record_seq START WITH 1000 INCREMENT BY 50;
CREATE SEQUENCE IF NOT EXISTS insight_change_seq START WITH 1000 INCREMENT BY 50;
CREATE SEQUENCE IF NOT EXISTS crm_organization_seq START WITH 1000 INCREMENT BY 50;
CREATE TABLE IF NOT EXISTS tenant (id VARCHAR(36) NOT NULL, display_name VARCHAR(200) NOT NULL, version BIGINT DEFAULT 1 NOT NULL, CONSTRAINT pk_tenant PRIMARY KEY (id));
CREATE TABLE IF NOT EXISTS crm_organization (id BIGINT NOT NULL, crm_type VARCHAR(16) NOT NULL, host VARCHAR(253) NOT NULL, display_name VARCHAR(200), tenant_id VARCHAR(36), CONSTRAINT pk_crm_organization PRIMARY KEY (id), CONSTRAINT uq_crm_organization UNIQUE (crm_type, host), CONSTRAINT fk_crm_organization_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id));
ALTER TABLE crm_organization ADD COLUMN IF NOT EXISTS tenant_id VARCHAR(36) REFERENCES tenant (id);
CREATE INDEX IF NOT EXISTS ix_crm_organization_tenant ON crm_organization (tenant_id, host);
CREATE TABLE IF NOT EXISTS crm_record (id BIGINT NOT NULL, organization_id BIGINT NOT NULL, record_type VARCHAR(64) NOT NULL, record_id VARCHAR(64) NOT NULL, display_name VARCHAR(200), CONSTRAINT pk_crm_record PRIMARY KEY (id), CONSTRAINT fk_crm_record_organization FOREIGN KEY (organization_id) REFERENCES crm_organization (id), CONSTRAINT uq_crm_record UNIQUE (organization_id, record_type, record_id));
CREATE INDEX IF NOT EXISTS ix_crm_record_lookup ON crm_record (record_id, record_type, organization_id);
CREATE TABLE IF NOT EXISTS insight (id BIGINT NOT NULL, crm_record_id BIGINT NOT NULL, title VARCHAR(200) NOT NULL, description VARCHAR(1000) NOT NULL, url VARCHAR(2048), occurred_at TIMESTAMP WITH TIME ZONE, pinned BOOLEAN DEFAULT FALSE NOT NULL, priority INTEGER DEFAULT 0 NOT NULL, language VARCHAR(35), version BIGINT DEFAULT 1 NOT NULL, visible_from TIMESTAMP WITH TIME ZONE, visible_until TIMESTAMP WITH TIME ZONE, updated_at TIMESTAMP WITH TIME ZONE, updated_by VARCHAR(200), natural_key VARCHAR(100), CONSTRAINT pk_insight PRIMARY KEY (id), CONSTRAINT fk_insight_record FOREIGN KEY (crm_record_id) REFERENCES crm_record (id));
ALTER TABLE insight ADD COLUMN IF NOT EXISTS visible_from TIMESTAMP WITH TIME ZONE;
ALTER TABLE insight ADD COLUMN IF NOT EXISTS visible_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE insight ADD COLUMN IF NOT EXISTS updated_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE insight ADD COLUMN IF NOT EXISTS updated_by VARCHAR(200);
ALTER TABLE insight ADD COLUMN IF NOT EXISTS natural_key VARCHAR(100);
UPDATE insight SET natural_key = CONCAT('insight-', CAST(id AS VARCHAR(20))) WHERE natural_key IS NULL;
CREATE UNIQUE INDEX IF NOT EXISTS uq_insight_key ON insight (crm_record_id, natural_key);
CREATE INDEX IF NOT EXISTS ix_insight_record ON insight (crm_record_id, pinned, priority, occurred_at, id);
CREATE TABLE IF NOT EXISTS insight_property (insight_id BIGINT NOT NULL, prop_order INTEGER NOT NULL, prop_name VARCHAR(100) NOT NULL, prop_value VARCHAR(500) NOT NULL, CONSTRAINT pk_insight_property PRIMARY KEY (insight_id, prop_order), CONSTRAINT fk_insight_property_insight FOREIGN KEY (insight_id) REFERENCES insight (id) ON DELETE CASCADE);
CREATE TABLE IF NOT EXISTS insight_change (id BIGINT NOT NULL, insight_id BIGINT NOT NULL, crm_record_id BIGINT NOT NULL, action VARCHAR(16) NOT NULL, insight_version BIGINT NOT NULL, changed_by VARCHAR(200) NOT NULL, changed_at TIMESTAMP WITH TIME ZONE NOT NULL, content VARCHAR(8000), CONSTRAINT pk_insight_change PRIMARY KEY (id));
CREATE INDEX IF NOT EXISTS ix_insight_change_insight ON insight_change (insight_id, id);
CREATE SEQUENCE IF NOT EXISTS insight_translation_seq START WITH 1000 INCREMENT BY 50;
CREATE TABLE IF NOT EXISTS insight_translation (id BIGINT NOT NULL, insight_id BIGINT NOT NULL, language VARCHAR(35) NOT NULL, title VARCHAR(200) NOT NULL, description VARCHAR(1000) NOT NULL, CONSTRAINT pk_insight_translation PRIMARY KEY (id), CONSTRAINT uq_insight_translation UNIQUE (insight_id, language), CONSTRAINT fk_insight_translation_insight FOREIGN KEY (insight_id) REFERENCES insight (id) ON DELETE CASCADE);
CREATE TABLE IF NOT EXISTS insight_translation_property (translation_id BIGINT NOT NULL, prop_order INTEGER NOT NULL, prop_name VARCHAR(100) NOT NULL, prop_value VARCHAR(500) NOT NULL, CONSTRAINT pk_insight_translation_property PRIMARY KEY (translation_id, prop_order), CONSTRAINT fk_insight_translation_property FOREIGN KEY (translation_id) REFERENCES insight_translation (id) ON DELETE CASCADE);
