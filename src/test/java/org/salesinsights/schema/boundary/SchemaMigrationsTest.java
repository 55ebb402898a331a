package org.salesinsights.schema.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.h2.jdbcx.JdbcDataSource;
import org.salesinsights.seeding.control.SeedLedger;
import org.salesinsights.seeding.control.SeedScript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schema's migrations on H2 file databases that outlive each "start": a new database gets every version once,
 * and a database made by the last release before migrations (0.1, whose scripts are kept in test resources) is
 * upgraded with every row kept, curators' changes included. {@code SeedScriptsPostgresIT} does the same on
 * PostgreSQL.
 */
class SchemaMigrationsTest {

    static final List<String> TABLES = List.of("tenant", "crm_organization", "crm_record", "insight",
            "insight_property", "insight_change", "insight_translation", "insight_translation_property");

    @TempDir
    Path dataDir;

    @Test
    void aNewDatabaseGetsEveryVersionOnceInOrder() throws Exception {
        JdbcDataSource database = h2("new");
        assertEquals(7, SchemaMigrations.migrate(database, loader()).migrationsExecuted);
        assertEquals(0, SchemaMigrations.migrate(database, loader()).migrationsExecuted, "a restart migrates nothing");
        try (Connection db = database.getConnection(); Statement sql = db.createStatement()) {
            assertEquals(List.of("1", "2", "3", "4", "5", "6", "7"), column(sql, "SELECT \"version\" FROM \"flyway_schema_history\""
                    + " WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\""));
            assertEquals(0, single(sql, "SELECT COUNT(*) FROM seed_script"));
        }
    }

    @Test
    void aDatabaseOfTheLastReleaseUpgradesWithEveryRowKept() throws Exception {
        JdbcDataSource database = h2("release-0.1");
        try (Connection db = database.getConnection(); Statement sql = db.createStatement()) {
            startAsRelease01(sql);
            startAsRelease01(sql); // a second start of that release, as production had many
            // what curators did on it since
            sql.executeUpdate("UPDATE insight SET title = 'Edited by an admin', version = 2 WHERE id = 2");
            sql.executeUpdate("DELETE FROM insight WHERE id = 3");
            sql.executeUpdate("DELETE FROM insight_property WHERE insight_id = 1 AND prop_order = 3");
            sql.executeUpdate("INSERT INTO insight_change (id, insight_id, crm_record_id, action, insight_version,"
                    + " changed_by, changed_at, content) VALUES (1000, 2, 101, 'UPDATED', 2, 'curator',"
                    + " TIMESTAMP WITH TIME ZONE '2026-11-30 10:00:00+00', '{}')");
        }
        Map<String, List<String>> before = everyRow(database);

        assertEquals(7, SchemaMigrations.migrate(database, loader()).migrationsExecuted);
        // the first start of this release also seeds, with the demo data named as 0.1's run command named it
        List<SeedLedger.Outcome> seeded = seed(database);
        assertEquals(SeedLedger.Status.ADOPTED, seeded.get(0).status(), "the demo ran under 0.1; it must not again");
        assertEquals(before, everyRow(database), "the upgrade changed a row");
        assertEquals(SeedLedger.Status.SKIPPED, seed(database).get(0).status());
        try (Connection db = database.getConnection(); Statement sql = db.createStatement()) {
            assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7"), column(sql, "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL"
                    + " ORDER BY \"installed_rank\""), "the old schema is the baseline, version 0");
            assertEquals(List.of("Edited by an admin"), column(sql, "SELECT title FROM insight WHERE id = 2"));
        }
        assertEquals(0, SchemaMigrations.migrate(database, loader()).migrationsExecuted);
        assertEquals(before, everyRow(database));
    }

    @Test
    void aDatabaseFromBeforeTenantsGainsTheColumnAndKeepsItsData() throws Exception {
        JdbcDataSource database = h2("before-tenants");
        try (Connection db = database.getConnection(); Statement sql = db.createStatement()) {
            // the schema and a row as the first release made them
            sql.execute("CREATE TABLE crm_organization (id BIGINT NOT NULL, crm_type VARCHAR(16) NOT NULL,"
                    + " host VARCHAR(253) NOT NULL, display_name VARCHAR(200), CONSTRAINT pk_crm_organization"
                    + " PRIMARY KEY (id), CONSTRAINT uq_crm_organization UNIQUE (crm_type, host))");
            sql.execute("INSERT INTO crm_organization VALUES (1, 'DYNAMICS_365', 'contoso.crm.dynamics.com', 'Ours')");
        }
        SchemaMigrations.migrate(database, loader());
        try (Connection db = database.getConnection(); Statement sql = db.createStatement()) {
            assertEquals(List.of("Ours"), column(sql, "SELECT display_name FROM crm_organization WHERE id = 1"));
            assertEquals(1, single(sql, "SELECT COUNT(*) FROM crm_organization WHERE tenant_id IS NULL"));
        }
    }

    @Test
    void everyInsightHasAKeyUniqueInItsRecord() throws Exception {
        JdbcDataSource database = h2("keys");
        SchemaMigrations.migrate(database, loader());
        try (Connection db = database.getConnection(); Statement sql = db.createStatement()) {
            sql.execute("INSERT INTO tenant (id, display_name) VALUES ('t', 'T')");
            sql.execute("INSERT INTO crm_organization (id, crm_type, host, tenant_id) VALUES (1, 'SALESFORCE', 'h', 't')");
            sql.execute("INSERT INTO crm_record (id, organization_id, record_type, record_id) VALUES (1, 1, 'lead', 'x')");
            sql.execute("INSERT INTO insight (id, crm_record_id, title, description, natural_key) VALUES"
                    + " (900, 1, 't', 'd', 'mine')");
            assertThrows(SQLException.class, () -> sql.execute("INSERT INTO insight (id, crm_record_id, title,"
                    + " description, natural_key) VALUES (901, 1, 't', 'd', 'mine')"));
        }
    }

    @Test
    void theMigrationsAreAsciiWithOneStatementPerLine() throws IOException {
        for (String script : List.of("db/migration/V1__schema.sql", "db/migration/V2__seed_ledger.sql",
                "db/migration/V3__history_holds_whole_snapshots.sql", "db/migration/V4__change_log.sql",
                "db/migration/V5__feeds.sql", "db/migration/V6__related_records.sql",
                "db/migration/V7__fed_related_records.sql")) {
            byte[] bytes;
            try (InputStream in = loader().getResourceAsStream(script)) {
                bytes = in.readAllBytes();
            }
            for (byte b : bytes) {
                assertTrue(b > 0, script + " holds non-ASCII bytes");
            }
            for (String line : new String(bytes, StandardCharsets.US_ASCII).split("\n")) {
                assertTrue(line.isBlank() || line.startsWith("--") || line.matches("(CREATE|ALTER|UPDATE|INSERT) .*;"),
                        () -> script + ": a statement split over lines: " + line);
            }
        }
    }

    /**
     * A start's seeding with the demo data, in one transaction as SeedScripts runs it, on a database that holds it
     * already: the demo must not run.
     */
    static List<SeedLedger.Outcome> seed(javax.sql.DataSource database) throws SQLException {
        try (Connection db = database.getConnection()) {
            db.setAutoCommit(false);
            List<SeedLedger.Outcome> outcomes = SeedLedger.apply(db, SeedScript.load(SeedScript.DEMO, loader()),
                    java.time.Instant.now(), script -> {
                        throw new AssertionError("the demo data ran again on a database that has it");
                    });
            db.commit();
            return outcomes;
        }
    }

    /** One start of release 0.1: its JPA create script, then its demo load script, line by line. */
    static void startAsRelease01(Statement sql) throws IOException, SQLException {
        for (String script : List.of("create-schema.sql", "demo-data.sql")) {
            try (InputStream in = SchemaMigrationsTest.class.getResourceAsStream("/legacy/0.1/" + script)) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                    if (!line.isBlank()) {
                        sql.execute(line);
                    }
                }
            }
        }
    }

    /** Every row of every table of the insights, as text, in key order. */
    static Map<String, List<String>> everyRow(javax.sql.DataSource database) throws SQLException {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        try (Connection db = database.getConnection(); Statement sql = db.createStatement()) {
            for (String table : TABLES) {
                List<String> lines = new ArrayList<>();
                try (ResultSet all = sql.executeQuery("SELECT * FROM " + table + " ORDER BY 1, 2")) {
                    int columns = all.getMetaData().getColumnCount();
                    while (all.next()) {
                        StringBuilder line = new StringBuilder();
                        for (int c = 1; c <= columns; c++) {
                            String name = all.getMetaData().getColumnName(c);
                            String value = all.getString(c);
                            if (isLaterColumnAtItsDefault(name, value)) {
                                continue; // a column a later migration added, as it adds it to every older row
                            }
                            line.append(name).append('=').append(value).append(' ');
                        }
                        lines.add(line.toString());
                    }
                }
                rows.put(table, lines);
            }
        }
        return rows;
    }

    /** The columns added after release 0.1 (V5, feeds) with the value every row had before them. */
    private static boolean isLaterColumnAtItsDefault(String column, String value) {
        return LATER_COLUMNS.contains(column.toLowerCase(java.util.Locale.ROOT))
                && (value == null || value.equalsIgnoreCase("false") || value.equals("f"));
    }

    private static final java.util.Set<String> LATER_COLUMNS = java.util.Set.of("feed_organization_id", "feed_source",
            "feed_external_id", "hidden");

    static List<String> column(Statement sql, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    static int single(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private JdbcDataSource h2(String name) {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:file:" + dataDir.resolve(name));
        return database;
    }

    private static ClassLoader loader() {
        return SchemaMigrationsTest.class.getClassLoader();
    }
}
