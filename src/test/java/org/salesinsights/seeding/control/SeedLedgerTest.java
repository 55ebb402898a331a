package org.salesinsights.seeding.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesinsights.schema.boundary.SchemaMigrations;

/**
 * Seed scripts run once per database (an H2 file database here): a script whose text ran before is skipped at every
 * later start, under any name; a changed script runs once more; the demo data runs once whichever release's it is; a
 * script that fails leaves no record, so that it runs again once fixed. What a seed writes, and that it never touches
 * another tenant's rows, the servers show ({@code SeedIsolationIT}, {@code RestartIT}).
 */
class SeedLedgerTest {

    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    private static final SeedScript MINE = SeedScript.of("/etc/sales-insights/seed.json", "{\"tenants\": []}");

    @TempDir
    Path dataDir;

    JdbcDataSource database;
    List<String> ran = new ArrayList<>();

    @BeforeEach
    void migrate() {
        database = new JdbcDataSource();
        database.setURL("jdbc:h2:file:" + dataDir.resolve("insights"));
        SchemaMigrations.migrate(database, SeedLedgerTest.class.getClassLoader());
    }

    @Test
    void aScriptRunsOnceAndLaterStartsSkipIt() throws Exception {
        SeedScript demo = SeedScript.load(SeedScript.DEMO, SeedLedgerTest.class.getClassLoader()).get(0);
        List<SeedLedger.Outcome> first = start(demo, MINE);
        assertEquals(List.of(SeedLedger.Status.RAN, SeedLedger.Status.RAN), statuses(first));
        assertEquals(List.of("demo", MINE.name()), ran);

        List<SeedLedger.Outcome> second = start(demo, MINE);
        assertEquals(List.of(SeedLedger.Status.SKIPPED, SeedLedger.Status.SKIPPED), statuses(second));
        assertEquals(NOW, second.get(0).ranBefore().orElseThrow().toInstant());
        assertEquals(2, ran.size(), "a script ran twice");
        assertEquals(7, count("SELECT statements FROM seed_script WHERE name = '" + MINE.name() + "'"),
                "the ledger records how many entries the script held");
    }

    @Test
    void aChangedScriptIsANewScriptAndRunsOnceAndACopyIsTheSameScript() throws Exception {
        start(MINE);
        SeedScript changed = SeedScript.of(MINE.name(), MINE.text() + "\n");
        assertEquals(List.of(SeedLedger.Status.RAN), statuses(start(changed)));
        assertEquals(List.of(SeedLedger.Status.SKIPPED), statuses(start(changed)));
        SeedScript copied = SeedScript.of("/srv/elsewhere/seed.json", changed.text());
        assertEquals(List.of(SeedLedger.Status.SKIPPED), statuses(start(copied)), "the same text under another name");
        assertEquals(2, ran.size());
        assertEquals(2, count("SELECT COUNT(*) FROM seed_script"));
    }

    @Test
    void theDemoRunsOncePerDatabaseWhicheverReleasesDemoItIs() throws Exception {
        SeedScript earlier = SeedScript.of(SeedScript.DEMO, "INSERT INTO tenant ... (the demo of an earlier release)");
        start(earlier);
        SeedScript demo = SeedScript.load(SeedScript.DEMO, SeedLedgerTest.class.getClassLoader()).get(0);
        assertEquals(List.of(SeedLedger.Status.SKIPPED), statuses(start(demo)),
                "a later release's demo would bring back what curators deleted of the earlier one");
        SeedScript mineNamedLikeTheDemoText = SeedScript.of("/etc/sales-insights/demo.json", demo.text() + " ");
        assertEquals(List.of(SeedLedger.Status.RAN), statuses(start(mineNamedLikeTheDemoText)),
                "only the built-in demo is known by its name");
    }

    @Test
    void aScriptThatFailsLeavesNoRecordAndRunsAgainAtTheNextStart() throws Exception {
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> start(script -> {
            throw new IllegalStateException("Seed file " + script.name() + " has 1 problem");
        }, MINE));
        assertTrue(failure.getMessage().startsWith("Seed file " + MINE.name()), failure.getMessage());
        assertEquals(0, count("SELECT COUNT(*) FROM seed_script"));
        assertEquals(List.of(SeedLedger.Status.RAN), statuses(start(MINE)));
    }

    private List<SeedLedger.Outcome> start(SeedScript... scripts) throws SQLException {
        return start(script -> {
            ran.add(script.name());
            return 7;
        }, scripts);
    }

    private List<SeedLedger.Outcome> start(java.util.function.ToIntFunction<SeedScript> run, SeedScript... scripts)
            throws SQLException {
        try (Connection db = database.getConnection()) {
            db.setAutoCommit(false);
            try {
                List<SeedLedger.Outcome> outcomes = SeedLedger.apply(db, List.of(scripts), NOW, run);
                db.commit();
                return outcomes;
            } catch (RuntimeException e) {
                db.rollback();
                throw e;
            }
        }
    }

    private static List<SeedLedger.Status> statuses(List<SeedLedger.Outcome> outcomes) {
        return outcomes.stream().map(SeedLedger.Outcome::status).toList();
    }

    private int count(String query) throws SQLException {
        try (Connection db = database.getConnection(); Statement sql = db.createStatement();
                java.sql.ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
