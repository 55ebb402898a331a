package org.salesinsights.seeding.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesinsights.schema.boundary.SchemaMigrations;

/**
 * Seed scripts run once per database (H2 file databases here, PostgreSQL in {@code SeedScriptsPostgresIT}): what a
 * curator deletes or changes after the seed stays so at every later start; a changed script runs once more; a
 * failing line leaves neither rows nor a record.
 */
class SeedLedgerTest {

    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

    @TempDir
    Path dataDir;

    JdbcDataSource database;
    SqlScript demo;
    SqlScript template;

    @BeforeEach
    void migrate() throws Exception {
        database = new JdbcDataSource();
        database.setURL("jdbc:h2:file:" + dataDir.resolve("insights"));
        SchemaMigrations.migrate(database, SeedLedgerTest.class.getClassLoader());
        demo = SqlScript.load(SqlScript.DEMO, SeedLedgerTest.class.getClassLoader()).get(0);
        template = SqlScript.parse("/etc/sales-insights/seed.sql",
                Files.readString(Path.of("server-config/seed/seed-template.sql")));
    }

    @Test
    void aRestartNeverUndoesACuratorsWork() throws Exception {
        List<SeedLedger.Outcome> first = start(demo, template);
        assertTrue(first.stream().allMatch(SeedLedger.Outcome::ran));
        try (Connection db = database.getConnection(); Statement sql = db.createStatement()) {
            sql.executeUpdate("DELETE FROM insight WHERE id = 1"); // a deleted insight, its properties with it
            sql.executeUpdate("UPDATE insight SET title = 'Edited', version = 2 WHERE id = 2");
            sql.executeUpdate("DELETE FROM insight_property WHERE insight_id = 3 AND prop_order = 1");
            sql.executeUpdate("DELETE FROM insight_translation WHERE insight_id = 500");
            sql.executeUpdate("UPDATE crm_organization SET tenant_id = NULL WHERE tenant_id = 'ada70000-0000-4000-a000-000000000003'");
            sql.executeUpdate("DELETE FROM tenant WHERE id = 'ada70000-0000-4000-a000-000000000003'");
        }
        Map<String, List<String>> asLeft = rows();

        List<SeedLedger.Outcome> second = start(demo, template);
        assertTrue(second.stream().noneMatch(SeedLedger.Outcome::ran), "a script ran twice");
        assertEquals(NOW, second.get(0).ranBefore().orElseThrow().toInstant());
        assertEquals(asLeft, rows(), "a restart changed what the curator left");
    }

    @Test
    void aChangedScriptIsANewScriptAndRunsOnce() throws Exception {
        start(template);
        try (Connection db = database.getConnection(); Statement sql = db.createStatement()) {
            sql.executeUpdate("DELETE FROM insight WHERE id = 500");
        }
        SqlScript changed = SqlScript.parse(template.name(), Files.readString(Path.of(
                "server-config/seed/seed-template.sql")) + "\n-- a new line\n");
        assertNotEquals(template.checksum(), changed.checksum());
        assertTrue(start(changed).get(0).ran());
        assertFalse(start(changed).get(0).ran());
        assertEquals(1, count("SELECT COUNT(*) FROM insight WHERE natural_key = 'quote-q-2026-118'"),
                "the changed script ran once (and its idempotent lines added the row once)");
        assertEquals(2, count("SELECT COUNT(*) FROM seed_script"));
        SqlScript copied = SqlScript.parse("/srv/elsewhere/seed.sql", Files.readString(Path.of(
                "server-config/seed/seed-template.sql")) + "\n-- a new line\n");
        assertEquals(SeedLedger.Status.SKIPPED, start(copied).get(0).status(), "the same text under another name");
    }

    @Test
    void aFailingLineStopsTheStartWithItsLineAndLeavesNoTrace() throws Exception {
        SqlScript broken = SqlScript.parse("broken.sql", "-- a note\n"
                + "INSERT INTO tenant (id, display_name) VALUES ('0b0b0b0b-0000-4000-a000-000000000001', 'Kept?')\n"
                + "INSERT INTO no_such_table VALUES (1)\n");
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> start(broken));
        assertTrue(failure.getMessage().startsWith("Seed script broken.sql failed at line 3 ("), failure.getMessage());
        assertEquals(0, count("SELECT COUNT(*) FROM tenant"));
        assertEquals(0, count("SELECT COUNT(*) FROM seed_script"), "a failed script is not recorded, so it runs again");
    }

    @Test
    void theDemoSetIsWhatTheReadmePromises() throws Exception {
        start(demo);
        assertEquals(14, count("SELECT COUNT(*) FROM insight i JOIN crm_record r ON r.id = i.crm_record_id"
                + " WHERE r.record_id = 'd1c6a4e2-5f3b-4c8e-9a7d-2b1e0f6c3a91'"));
        assertEquals(4, count("SELECT COUNT(DISTINCT record_type) FROM crm_record"));
        assertEquals(2, count("SELECT COUNT(DISTINCT crm_type) FROM crm_organization"));
        assertTrue(count("SELECT COUNT(*) FROM insight WHERE CHAR_LENGTH(description) > 130") >= 2);
        assertTrue(count("SELECT COUNT(*) FROM insight WHERE CHAR_LENGTH(title) > 20") >= 2);
        assertEquals(3, count("SELECT COUNT(*) FROM tenant"));
        assertEquals(0, count("SELECT COUNT(*) FROM crm_organization WHERE tenant_id IS NULL"));
        assertEquals(3, count("SELECT COUNT(DISTINCT tenant_id) FROM crm_organization"));
        assertEquals(0, count("SELECT COUNT(*) FROM insight WHERE natural_key IS NULL"),
                "an export names every insight, so that importing it changes the same ones");
        assertEquals(1, count("SELECT COUNT(*) FROM insight_property WHERE insight_id = 60 AND prop_order = 0"
                + " AND prop_value = 'J\u00fcrgen Wei\u00df'"), "non-ASCII text did not survive the script");
    }

    @Test
    void theDemoScriptIsAsciiWithOneStatementPerLine() throws Exception {
        for (SqlScript.Statement statement : demo.statements()) {
            assertTrue(statement.sql().chars().allMatch(c -> c > 0 && c < 128), "line " + statement.line());
            assertTrue(statement.sql().matches("(INSERT|UPDATE) .*"), () -> "line " + statement.line()
                    + ": a statement split over lines");
        }
    }

    private List<SeedLedger.Outcome> start(SqlScript... scripts) throws SQLException {
        try (Connection db = database.getConnection()) {
            db.setAutoCommit(false);
            try {
                List<SeedLedger.Outcome> outcomes = SeedLedger.apply(db, List.of(scripts), NOW);
                db.commit();
                return outcomes;
            } catch (RuntimeException e) {
                db.rollback();
                throw e;
            }
        }
    }

    private Map<String, List<String>> rows() throws SQLException {
        return org.salesinsights.schema.boundary.SchemaMigrationsTestAccess.everyRow(database);
    }

    private int count(String query) throws SQLException {
        try (Connection db = database.getConnection(); Statement sql = db.createStatement();
                java.sql.ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
