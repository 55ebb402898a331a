package org.salesinsights.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salesinsights.insights.control.CrmRecordKey;
import org.salesinsights.insights.control.InsightsQuery;
import org.salesinsights.insights.control.PageRequest;
import org.salesinsights.insights.control.RecordPageQuery;
import org.salesinsights.insights.entity.CrmType;
import org.salesinsights.schema.boundary.SchemaMigrations;

/**
 * PostgreSQL serves the read actions' statement ({@code RecordPageQuery}: the page, its properties and translations,
 * the next validity boundary and the ownership check in one statement) from the schema's indexes, not by scanning
 * tables, on a database made by the migrations. Sequential scans are disabled so that the planner shows which index
 * it would use however small the tables are.
 */
@Tag("postgresql") // reads PostgreSQL's query plans (the postgresql profile)
class LookupQueryPlanIT {

    private static final String DATABASE = "insights_plan";

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
            InsightsQuery query = new InsightsQuery(new CrmRecordKey(CrmType.DYNAMICS_365,
                    Optional.of("contoso.crm.dynamics.com"), "opportunity", "d1c6a4e2-5f3b-4c8e-9a7d-2b1e0f6c3a91"),
                    new PageRequest(5, 0));
            StringBuilder plan = new StringBuilder();
            try (PreparedStatement explain = RecordPageQuery.prepare(db, "EXPLAIN ",
                    "c07050c0-0000-4000-a000-000000000001", query, null, true, OffsetDateTime.now(ZoneOffset.UTC));
                    ResultSet rows = explain.executeQuery()) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
            for (String index : List.of("ix_crm_record_lookup", "ix_insight_record", "pk_insight_property",
                    "uq_insight_translation", "pk_insight_translation_property")) {
                assertTrue(plan.toString().contains(index), () -> index + " unused:\n" + plan);
            }
        }
    }
}
