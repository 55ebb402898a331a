-- sales-insights seed script: a template. Copy it, replace the example rows (Northwind Traders) with your own, and
-- name the copy in insights.seed.scripts (environment: INSIGHTS_SEED_SCRIPTS=/etc/sales-insights/seed.sql).
-- The server runs it once per database, at the first start that names it, after the schema is migrated, in one
-- transaction: a failing line changes nothing and stops the start with the line number. The table seed_script records
-- it (by name and SHA-256), and later starts skip it, so what curators change or delete afterwards stays as they left
-- it. A changed file is a new script and runs once more: keep every statement idempotent (insert a row only where it
-- is absent, INSERT ... SELECT ... WHERE NOT EXISTS), and never UPDATE what curators may have changed since.
-- The rules:
--   * one statement per line (no line breaks inside one), a trailing ; is optional, lines starting with -- are notes;
--   * SQL that both H2 and PostgreSQL run, as below; the file in UTF-8;
--   * ids from 500 to 999: the service numbers the rows it makes from 1000 up;
--   * record ids as the API normalizes them: Dynamics 365 GUIDs in lower case without braces, Salesforce ids in
--     their 18-character form; record types in lower case; organizations by the host name of their CRM URL;
--   * titles of at most 20 characters and descriptions of at most 130, counted in UTF-16 code units (an emoji counts
--     2 or more), links https (the API cuts longer text);
--   * a seeded row that a curator deletes stays deleted, unless the file is changed (then it runs again, once).
--     For many insights, import a file through the admin API instead.
-- The customer's Entra tenant (its directory id) that may read the organization's insights.
INSERT INTO tenant (id, display_name) SELECT '0a0b0c0d-0000-4000-a000-00000000e500', 'Northwind Traders' WHERE NOT EXISTS (SELECT 1 FROM tenant WHERE id = '0a0b0c0d-0000-4000-a000-00000000e500')
-- Its CRM organization: DYNAMICS_365 or SALESFORCE, and the host name.
INSERT INTO crm_organization (id, crm_type, host, display_name, tenant_id) SELECT 500, 'DYNAMICS_365', 'northwind.crm4.dynamics.com', 'Northwind Traders', '0a0b0c0d-0000-4000-a000-00000000e500' WHERE NOT EXISTS (SELECT 1 FROM crm_organization WHERE id = 500 OR (crm_type = 'DYNAMICS_365' AND host = 'northwind.crm4.dynamics.com'))
-- A record of that organization, found by its host (so the script works where an admin registered it first).
INSERT INTO crm_record (id, organization_id, record_type, record_id, display_name) SELECT 500, o.id, 'opportunity', '5eed0000-0000-4000-a000-000000000500', 'Northwind: 40 espresso machines' FROM crm_organization o WHERE o.crm_type = 'DYNAMICS_365' AND o.host = 'northwind.crm4.dynamics.com' AND NOT EXISTS (SELECT 1 FROM crm_record WHERE id = 500 OR (organization_id = o.id AND record_type = 'opportunity' AND record_id = '5eed0000-0000-4000-a000-000000000500'))
-- An insight of the record. natural_key names it within the record, as bulk import and export do; times in UTC.
INSERT INTO insight (id, crm_record_id, title, description, url, occurred_at, pinned, priority, language, natural_key) SELECT 500, r.id, 'Quote sent', 'Quote Q-2026-118 for 40 machines went to procurement; a decision is expected within two weeks.', 'https://hub.northwind.example.com/quotes/Q-2026-118', TIMESTAMP WITH TIME ZONE '2026-11-20 10:00:00+00', FALSE, 0, 'en', 'quote-q-2026-118' FROM crm_record r JOIN crm_organization o ON o.id = r.organization_id WHERE o.crm_type = 'DYNAMICS_365' AND o.host = 'northwind.crm4.dynamics.com' AND r.record_type = 'opportunity' AND r.record_id = '5eed0000-0000-4000-a000-000000000500' AND NOT EXISTS (SELECT 1 FROM insight i WHERE i.id = 500 OR (i.crm_record_id = r.id AND i.natural_key = 'quote-q-2026-118'))
-- Its properties, shown on the citation card in this order (prop_order from 0).
INSERT INTO insight_property (insight_id, prop_order, prop_name, prop_value) SELECT 500, 0, 'Amount', '40 machines' WHERE EXISTS (SELECT 1 FROM insight WHERE id = 500) AND NOT EXISTS (SELECT 1 FROM insight_property WHERE insight_id = 500 AND prop_order = 0)
INSERT INTO insight_property (insight_id, prop_order, prop_name, prop_value) SELECT 500, 1, 'Decision by', 'Procurement' WHERE EXISTS (SELECT 1 FROM insight WHERE id = 500) AND NOT EXISTS (SELECT 1 FROM insight_property WHERE insight_id = 500 AND prop_order = 1)
-- A translation: sellers whose Outlook asks for German read this instead.
INSERT INTO insight_translation (id, insight_id, language, title, description) SELECT 500, 500, 'de', 'Angebot versandt', 'Angebot Q-2026-118 an den Einkauf versandt; Entscheidung in zwei Wochen erwartet.' WHERE EXISTS (SELECT 1 FROM insight WHERE id = 500) AND NOT EXISTS (SELECT 1 FROM insight_translation WHERE id = 500 OR (insight_id = 500 AND language = 'de'))
