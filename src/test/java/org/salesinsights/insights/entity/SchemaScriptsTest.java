package org.salesinsights.insights.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesinsights.seeding.control.SqlScript;

/**
 * The JPA scripts run on every start of the server, against a database that survives restarts: they must keep
 * what is there and add nothing twice. Runs them the way the JPA provider does, one line per statement, on an
 * H2 file database, closing it between "starts".
 */
class SchemaScriptsTest {

    private static final List<String> TABLES = List.of("tenant", "crm_organization", "crm_record", "insight",
            "insight_property");

    @TempDir
    Path dataDir;

    @Test
    void startingTwiceLosesNothingAndDuplicatesNothing() throws Exception {
        String url = "jdbc:h2:file:" + dataDir.resolve("insights");
        Map<String, Integer> first = start(url);
        try (Connection db = DriverManager.getConnection(url); Statement sql = db.createStatement()) {
            sql.executeUpdate("UPDATE insight SET title = 'Edited by an admin' WHERE id = 2");
        }
        Map<String, Integer> second = start(url);
        assertEquals(first, second);
        try (Connection db = DriverManager.getConnection(url); Statement sql = db.createStatement();
                ResultSet title = sql.executeQuery("SELECT title FROM insight WHERE id = 2")) {
            assertTrue(title.next());
            assertEquals("Edited by an admin", title.getString(1), "a restart overwrote curated data");
        }
    }

    @Test
    void theDemoSetIsWhatTheReadmePromises() throws Exception {
        String url = "jdbc:h2:file:" + dataDir.resolve("demo");
        Map<String, Integer> counts = start(url);
        assertTrue(counts.get("crm_record") >= 8, counts::toString);
        try (Connection db = DriverManager.getConnection(url); Statement sql = db.createStatement()) {
            assertEquals(14, single(sql, "SELECT COUNT(*) FROM insight i JOIN crm_record r ON r.id = i.crm_record_id"
                    + " WHERE r.record_id = 'd1c6a4e2-5f3b-4c8e-9a7d-2b1e0f6c3a91'"));
            assertEquals(4, single(sql, "SELECT COUNT(DISTINCT record_type) FROM crm_record"));
            assertEquals(2, single(sql, "SELECT COUNT(DISTINCT crm_type) FROM crm_organization"));
            assertTrue(single(sql, "SELECT COUNT(*) FROM insight WHERE CHAR_LENGTH(description) > 130") >= 2);
            assertTrue(single(sql, "SELECT COUNT(*) FROM insight WHERE CHAR_LENGTH(title) > 20") >= 2);
            try (ResultSet text = sql.executeQuery("SELECT prop_value FROM insight_property WHERE insight_id = 60"
                    + " AND prop_order = 0")) {
                assertTrue(text.next());
                assertEquals("J\u00fcrgen Wei\u00df", text.getString(1), "non-ASCII text did not survive the script");
            }
        }
    }

    @Test
    void theScriptsAreAsciiWithOneStatementPerLine() throws IOException {
        for (String script : List.of("create-schema.sql", "demo-data.sql")) {
            byte[] bytes = resource(script).readAllBytes();
            for (byte b : bytes) {
                assertTrue(b > 0, script + " holds non-ASCII bytes: the provider may read it in any charset");
            }
            for (String line : new String(bytes, StandardCharsets.US_ASCII).split("\n")) {
                assertTrue(line.isBlank() || line.matches("(CREATE|INSERT|ALTER|UPDATE) .*"),
                        () -> script + ": a statement split over lines: " + line);
            }
        }
    }

    @Test
    void everyDemoOrganizationBelongsToItsTenant() throws Exception {
        String url = "jdbc:h2:file:" + dataDir.resolve("tenants");
        assertEquals(3, start(url).get("tenant"));
        try (Connection db = DriverManager.getConnection(url); Statement sql = db.createStatement()) {
            assertEquals(0, single(sql, "SELECT COUNT(*) FROM crm_organization WHERE tenant_id IS NULL"));
            assertEquals(3, single(sql, "SELECT COUNT(DISTINCT tenant_id) FROM crm_organization"));
        }
    }

    @Test
    void everyInsightHasAKeyUniqueInItsRecordFromTheFirstStart() throws Exception {
        String url = "jdbc:h2:file:" + dataDir.resolve("keys");
        start(url);
        try (Connection db = DriverManager.getConnection(url); Statement sql = db.createStatement()) {
            assertEquals(0, single(sql, "SELECT COUNT(*) FROM insight WHERE natural_key IS NULL"),
                    "an export names every insight, so that importing it changes the same ones");
            assertEquals(1, single(sql, "SELECT COUNT(*) FROM insight WHERE id = 1 AND natural_key = 'insight-1'"));
            sql.execute("INSERT INTO insight (id, crm_record_id, title, description, natural_key) VALUES"
                    + " (900, 101, 't', 'd', 'mine')");
            assertThrows(SQLException.class, () -> sql.execute("INSERT INTO insight (id, crm_record_id, title,"
                    + " description, natural_key) VALUES (901, 101, 't', 'd', 'mine')"));
        }
    }

    @Test
    void theSeedTemplateRunsOnEveryStartAndAddsItsRowsOnce() throws Exception {
        String url = "jdbc:h2:file:" + dataDir.resolve("template");
        SqlScript template = SqlScript.parse("template",
                Files.readString(Path.of("server-config/seed/seed-template.sql")));
        Map<String, Integer> first = null;
        for (int start = 0; start < 2; start++) {
            start(url);
            try (Connection db = DriverManager.getConnection(url); Statement sql = db.createStatement()) {
                for (SqlScript.Statement statement : template.statements()) {
                    sql.execute(statement.sql());
                }
                Map<String, Integer> counts = new LinkedHashMap<>();
                for (String table : TABLES) {
                    counts.put(table, single(sql, "SELECT COUNT(*) FROM " + table));
                }
                assertEquals(first == null ? counts : first, counts, "the second start added rows");
                first = counts;
                assertEquals(1, single(sql, "SELECT COUNT(*) FROM insight i JOIN crm_record r"
                        + " ON r.id = i.crm_record_id WHERE r.record_id = '5eed0000-0000-4000-a000-000000000500' AND i.natural_key ="
                        + " 'quote-q-2026-118' AND CHAR_LENGTH(i.title) <= 20 AND CHAR_LENGTH(i.description) <= 130"));
                assertEquals(2, single(sql, "SELECT COUNT(*) FROM insight_property WHERE insight_id = 500"));
            }
        }
    }

    @Test
    void aDatabaseFromBeforeTenantsGainsThemAndKeepsItsData() throws Exception {
        String url = "jdbc:h2:file:" + dataDir.resolve("before-tenants");
        try (Connection db = DriverManager.getConnection(url); Statement sql = db.createStatement()) {
            // the schema and a row as the first release made them
            sql.execute("CREATE TABLE crm_organization (id BIGINT NOT NULL, crm_type VARCHAR(16) NOT NULL,"
                    + " host VARCHAR(253) NOT NULL, display_name VARCHAR(200), CONSTRAINT pk_crm_organization"
                    + " PRIMARY KEY (id), CONSTRAINT uq_crm_organization UNIQUE (crm_type, host))");
            sql.execute("INSERT INTO crm_organization VALUES (1, 'DYNAMICS_365', 'contoso.crm.dynamics.com', 'Ours')");
        }
        start(url);
        start(url);
        try (Connection db = DriverManager.getConnection(url); Statement sql = db.createStatement()) {
            assertEquals(0, single(sql, "SELECT COUNT(*) FROM crm_organization WHERE tenant_id IS NULL"));
            try (ResultSet name = sql.executeQuery("SELECT display_name FROM crm_organization WHERE id = 1")) {
                assertTrue(name.next());
                assertEquals("Ours", name.getString(1));
            }
        }
    }

    /** What the JPA provider does at deployment: the create script, then the load script, line by line. */
    private static Map<String, Integer> start(String url) throws Exception {
        try (Connection db = DriverManager.getConnection(url); Statement sql = db.createStatement()) {
            for (String script : List.of("create-schema.sql", "demo-data.sql")) {
                String text = new String(resource(script).readAllBytes(), StandardCharsets.US_ASCII);
                for (String line : text.split("\n")) {
                    if (!line.isBlank()) {
                        sql.execute(line);
                    }
                }
            }
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (String table : TABLES) {
                counts.put(table, single(sql, "SELECT COUNT(*) FROM " + table));
            }
            return counts;
        }
    }

    private static int single(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static InputStream resource(String script) {
        return SchemaScriptsTest.class.getResourceAsStream("/META-INF/sql/" + script);
    }
}
