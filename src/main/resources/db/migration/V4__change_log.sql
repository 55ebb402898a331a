-- What changed, in commit order, for the read caches of every node: each change that can alter an answer (an insight,
-- a record, a tenant's organizations, a seed, an operator's flush) moves the single generation row on, in the writer's
-- own transaction, and writes what it touched under that generation. The row lock serializes writers, so generations
-- commit in order: a node that has seen generation g has seen every change up to g. Nodes poll the generation row.
CREATE TABLE change_counter (id INTEGER NOT NULL, generation BIGINT NOT NULL, CONSTRAINT pk_change_counter PRIMARY KEY (id));
INSERT INTO change_counter (id, generation) VALUES (1, 0);
CREATE TABLE change_log (generation BIGINT NOT NULL, item INTEGER NOT NULL, scope VARCHAR(16) NOT NULL, tenant_id VARCHAR(36), crm_type VARCHAR(16), record_type VARCHAR(64), record_id VARCHAR(64), changed_at TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT pk_change_log PRIMARY KEY (generation, item));
CREATE INDEX ix_change_log_time ON change_log (changed_at);
