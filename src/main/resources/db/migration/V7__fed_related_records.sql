-- Records related to a CRM record can be fed by the partner's applications (docs/feeds.md): a fed one names the source
-- that feeds it, whose feeds own its content (curators keep its priority); a curator's has none. Within its CRM record
-- it is named by its recordId, unique already (uq_related_record).
ALTER TABLE related_record ADD COLUMN feed_source VARCHAR(64);
