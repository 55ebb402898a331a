package org.salesinsights.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.salesinsights.seeding.control.SqlScript;

/**
 * The schema script and the seed scripts (the demo data and the template) on PostgreSQL, the production database,
 * run as every start runs them: twice in a row they leave the same rows as once. Runs in the postgresql profile,
 * on a scratch database of its own.
 */
class SeedScriptsPostgresIT {

    private static final String DATABASE = "insights_seed_it";
    private static final String SQL = "src/main/resources/META-INF/sql";
    private static final List<String> TABLES = List.of("tenant", "crm_organization", "crm_record", "insight",
            "insight_property", "insight_translation", "insight_translation_property");

    @Test
    void everyStartAfterTheFirstAddsNothing() throws Exception {
        String adminUrl = System.getProperty("insights.it.postgres.adminUrl");
        try (Connection admin = DriverManager.getConnection(adminUrl); Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            sql.execute("CREATE DATABASE " + DATABASE);
        }
        String url = adminUrl.replaceFirst("/[^/?]*(\\?|$)", "/" + DATABASE + "$1");
        List<SqlScript> scripts = List.of(
                SqlScript.parse("schema", Files.readString(Path.of(SQL, "create-schema.sql"))),
                SqlScript.parse("demo", Files.readString(Path.of(SQL, "demo-data.sql"))),
                SqlScript.parse("template", Files.readString(Path.of("server-config/seed/seed-template.sql"))));
        Map<String, Integer> first = start(url, scripts);
        assertEquals(first, start(url, scripts), "the second start changed the row counts");
        assertTrue(first.get("insight_translation") >= 5 && first.get("tenant") >= 4, first::toString);
        try (Connection admin = DriverManager.getConnection(adminUrl); Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE " + DATABASE + " WITH (FORCE)");
        }
    }

    /** One start: every script, statement by statement, in one transaction as SeedScripts runs them. */
    private static Map<String, Integer> start(String url, List<SqlScript> scripts) throws SQLException {
        try (Connection db = DriverManager.getConnection(url); Statement sql = db.createStatement()) {
            db.setAutoCommit(false);
            for (SqlScript script : scripts) {
                for (SqlScript.Statement statement : script.statements()) {
                    try {
                        sql.execute(statement.sql());
                    } catch (SQLException e) {
                        throw new SQLException(script.name() + " line " + statement.line() + ": " + e.getMessage(),
                                e);
                    }
                }
            }
            db.commit();
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (String table : TABLES) {
                try (ResultSet rows = sql.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rows.next();
                    counts.put(table, rows.getInt(1));
                }
            }
            return counts;
        }
    }
}
