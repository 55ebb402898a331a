package org.salesinsights.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.salesinsights.schema.boundary.SchemaMigrations;

/**
 * PostgreSQL serves the action's lookup from the schema's indexes, not by scanning tables: the plan of the SQL
 * EclipseLink generates for Insight.findForRecord (as logged) and for the batch read of the properties, on a
 * database made from the same create script. Sequential scans are disabled so that the planner shows which
 * index it would use however small the tables are.
 */
class LookupQueryPlanIT {

    private static final String DATABASE = "insights_plan";

    static final String FIND_FOR_RECORD = "SELECT t1.ID, t1.DESCRIPTION, t1.LANGUAGE, t1.occurred_at, t1.PINNED,"
            + " t1.PRIORITY, t1.TITLE, t1.updated_at, t1.updated_by, t1.URL, t1.VERSION, t1.visible_from,"
            + " t1.visible_until, t1.crm_record_id"
            + " FROM crm_record t0, crm_organization t2, insight t1"
            + " WHERE (((((((t2.tenant_id = 'c07050c0-0000-4000-a000-000000000001') AND (t2.crm_type = 'DYNAMICS_365'))"
            + " AND (t0.record_type = 'opportunity')) AND (t0.record_id = 'd1c6a4e2-5f3b-4c8e-9a7d-2b1e0f6c3a91'))"
            + " AND ((t1.visible_from IS NULL) OR (t1.visible_from <= now())))"
            + " AND ((t1.visible_until IS NULL) OR (t1.visible_until > now())))"
            + " AND ((t0.ID = t1.crm_record_id) AND (t2.ID = t0.organization_id)))"
            + " ORDER BY t1.PINNED DESC, t1.PRIORITY DESC, t1.occurred_at DESC NULLS LAST, t1.ID DESC LIMIT 6 OFFSET 0";

    static final String BATCH_PROPERTIES = "SELECT prop_name, prop_value, prop_order, insight_id FROM insight_property"
            + " WHERE (insight_id IN (1, 2, 3, 4, 5, 6))";

    @Test
    void theLookupByRecordAndThePropertiesUseIndexes() throws Exception {
        String adminUrl = System.getProperty("insights.it.postgres.adminUrl");
        try (Connection admin = DriverManager.getConnection(adminUrl); Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            sql.execute("CREATE DATABASE " + DATABASE);
        }
        String url = adminUrl.replace("/postgres?", "/" + DATABASE + "?");
        org.postgresql.ds.PGSimpleDataSource schema = new org.postgresql.ds.PGSimpleDataSource();
        schema.setUrl(url);
        SchemaMigrations.migrate(schema, LookupQueryPlanIT.class.getClassLoader());
        try (Connection db = DriverManager.getConnection(url); Statement sql = db.createStatement()) {
            sql.execute("SET enable_seqscan = off");
            String lookup = plan(sql, FIND_FOR_RECORD);
            assertTrue(lookup.contains("ix_crm_record_lookup"), lookup);
            assertTrue(lookup.contains("ix_insight_record"), lookup);
            String properties = plan(sql, BATCH_PROPERTIES);
            assertTrue(properties.contains("pk_insight_property"), properties);
        }
    }

    private static String plan(Statement sql, String query) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (ResultSet rows = sql.executeQuery("EXPLAIN " + query)) {
            while (rows.next()) {
                plan.append(rows.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }
}
