package org.salesinsights.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.salesinsights.schema.boundary.SchemaMigrationsTestAccess;

/**
 * A seed file written from the template lands under its own tenant and changes nothing else, on a database where
 * the service has made rows in every id range before (issue 12: a seed of the old SQL template, numbered "from 500
 * to 999", attached a property to another tenant's insight 951). The README's Payara Micro runs as a process, on an
 * H2 file (default suite) and on PostgreSQL (postgresql profile):
 * <ol>
 * <li>a first start with the demo data; a curator registers a tenant and imports 300 insights for it (the ids the
 * service hands out, from 951 up); rows that older releases' seed scripts numbered 1 to 999 are added by SQL;</li>
 * <li>a start that also names a copy of {@code server-config/seed/seed-template.json}: every row it adds is the
 * template's tenant's, and every row there before is as it was, byte for byte;</li>
 * <li>a start with a seed that claims the other tenant's organization, and one with a seed script of the retired SQL
 * format: the deployment fails naming the file (and the line), and the database is unchanged.</li>
 * </ol>
 */
@Tag("own-payara-micro") // starts the README's Payara Micro itself, whatever the server under test: not on WildFly
class SeedIsolationIT {

    private static final String NORTHWIND = "0a0b0c0d-0000-4000-a000-00000000e500";
    private static final String TRIAL = "c0a7e5a1-0000-4000-a000-000000000951";
    private static final String LEGACY = "1e9ac700-0000-4000-a000-000000000500";
    private static final String TRIAL_HOST = "contoso-trial.crm.dynamics.com";
    private static final String TRIAL_RECORD = "api/v1/opportunity-insights?recordType=opportunity&recordId="
            + new UUID(0x951L, 0) + "&crmOrgUrl=https://" + TRIAL_HOST + "&top=20";
    private static final String NORTHWIND_RECORD = "api/v1/opportunity-insights?recordType=opportunity&recordId="
            + "5eed0000-0000-4000-a000-000000000500&crmOrgUrl=https://northwind.crm4.dynamics.com";

    @TempDir
    Path dataDir;

    @Test
    void onH2ASeedLandsUnderItsOwnTenantOnly() throws Exception {
        Assumptions.assumeTrue(System.getProperty("insights.it.postgres.adminUrl") == null, "H2: the default suite");
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("insights"));
        aSeedLandsUnderItsOwnTenantOnly(() -> MicroProcess.onH2(dataDir, "seed-isolation-h2"), database);
    }

    @Test
    void onPostgresASeedLandsUnderItsOwnTenantOnly() throws Exception {
        String adminUrl = System.getProperty("insights.it.postgres.adminUrl");
        Assumptions.assumeTrue(adminUrl != null, "PostgreSQL: the postgresql profile");
        String name = "insights_seed_isolation_it";
        try (Connection admin = DriverManager.getConnection(adminUrl); Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            sql.execute("CREATE DATABASE " + name);
        }
        PGSimpleDataSource database = new PGSimpleDataSource();
        database.setUrl(adminUrl.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1"));
        aSeedLandsUnderItsOwnTenantOnly(() -> MicroProcess.onPostgres(name, "seed-isolation-postgres"), database);
    }

    private void aSeedLandsUnderItsOwnTenantOnly(Supplier<MicroProcess> servers, DataSource database)
            throws Exception {
        String trialAnswer;
        try (MicroProcess server = servers.get().start()) {
            String curator = server.token(MicroProcess.PARTNER, "Insights.Admin");
            HttpResponse<String> registered = send(server, curator, "PUT", "api/admin/v1/tenants/" + TRIAL,
                    "{\"displayName\": \"Contoso Trial\", \"organizations\": [{\"crmType\": \"Dynamics 365\","
                            + " \"orgUrl\": \"https://" + TRIAL_HOST + "\"}]}");
            assertEquals(201, registered.statusCode(), registered::body);
            HttpResponse<String> imported = send(server, curator, "POST", "api/admin/v1/import", trialInsights(300));
            assertEquals(200, imported.statusCode(), imported::body);
            trialAnswer = Http.get(server.uri(TRIAL_RECORD), "Authorization", server.token(TRIAL)).body();
            assertTrue(trialAnswer.startsWith("{\"value\":[{"), trialAnswer);
        }
        try (Connection db = database.getConnection(); Statement sql = db.createStatement()) {
            assertTrue(count(sql, "SELECT MAX(id) FROM insight") > 1_000, "the service's ids reach past 1,000");
            assertTrue(count(sql, "SELECT MIN(id) FROM insight") >= 951, "the service's ids start at 951");
            olderReleasesSeed(sql);
        }
        Map<String, List<String>> before = SchemaMigrationsTestAccess.everyRow(database);

        Path seed = Files.copy(Path.of("server-config/seed/seed-template.json"), dataDir.resolve("seed.json"));
        try (MicroProcess server = servers.get().seeds("demo," + seed).start()) {
            HttpResponse<String> seeded = Http.get(server.uri(NORTHWIND_RECORD), "Authorization",
                    server.token(NORTHWIND), "Accept-Language", "de");
            assertEquals("{\"value\":[{\"title\":\"Angebot versandt\",\"description\":\"Angebot Q-2026-118 an den"
                    + " Einkauf versandt; Entscheidung in zwei Wochen erwartet.\",\"url\":\"https://hub.northwind"
                    + ".example.com/quotes/Q-2026-118\",\"dateTime\":\"2026-11-20T10:00:00Z\"}],\"hasMoreResults\":"
                    + "false}", seeded.body());
            assertEquals(trialAnswer, Http.get(server.uri(TRIAL_RECORD), "Authorization", server.token(TRIAL))
                    .body(), "the other tenant's sellers read what they read before");
        }
        Map<String, List<String>> after = SchemaMigrationsTestAccess.everyRow(database);
        for (Map.Entry<String, List<String>> table : before.entrySet()) {
            List<String> added = new ArrayList<>(after.get(table.getKey()));
            assertTrue(added.containsAll(table.getValue()), () -> table.getKey() + ": a row changed or went");
            added.removeAll(table.getValue());
            assertEquals(newRowsOfTheTemplate(table.getKey()), added.size(), () -> table.getKey() + ": " + added);
        }
        try (Connection db = database.getConnection(); Statement sql = db.createStatement()) {
            String northwinds = " JOIN crm_record r ON r.id = i.crm_record_id JOIN crm_organization o"
                    + " ON o.id = r.organization_id WHERE o.tenant_id = '" + NORTHWIND + "'";
            // each table's new rows (counted above) are the template tenant's, and it has no others
            assertEquals(1, count(sql, "SELECT COUNT(*) FROM tenant WHERE id = '" + NORTHWIND + "'"));
            assertEquals(1, count(sql, "SELECT COUNT(*) FROM crm_organization WHERE tenant_id = '" + NORTHWIND + "'"));
            assertEquals(1, count(sql, "SELECT COUNT(*) FROM crm_record r JOIN crm_organization o"
                    + " ON o.id = r.organization_id WHERE o.tenant_id = '" + NORTHWIND + "'"));
            assertEquals(1, count(sql, "SELECT COUNT(*) FROM insight i" + northwinds));
            assertEquals(2, count(sql, "SELECT COUNT(*) FROM insight_property p JOIN insight i"
                    + " ON i.id = p.insight_id" + northwinds));
            assertEquals(1, count(sql, "SELECT COUNT(*) FROM insight_translation t JOIN insight i"
                    + " ON i.id = t.insight_id" + northwinds));
            assertEquals(1, count(sql, "SELECT COUNT(*) FROM insight_change c JOIN insight i ON i.id = c.insight_id"
                    + northwinds + " AND c.changed_by = 'seed " + seed + "'"));
        }

        // a copy of the template that claims the trial tenant's organization for Northwind: refused, nothing changes
        String claiming = Files.readString(seed).replace("northwind.crm4.dynamics.com", TRIAL_HOST);
        Path hostile = Files.writeString(dataDir.resolve("claiming.json"), claiming);
        String log = servers.get().seeds("demo," + hostile).startFails();
        assertTrue(log.contains("Seed file " + hostile + " has 1 problem; nothing was seeded. line 7: the Dynamics 365"
                + " organization " + TRIAL_HOST + " belongs to another tenant, not to " + NORTHWIND), log);
        assertEquals(after, SchemaMigrationsTestAccess.everyRow(database), "a refused seed changed the database");

        // a seed script of the SQL format of earlier releases, which named rows by numeric ids, that has not run here
        Path sql = Files.writeString(dataDir.resolve("seed.sql"), "INSERT INTO insight_property (insight_id,"
                + " prop_order, prop_name, prop_value) SELECT 951, 9, 'Attendees', '6' WHERE EXISTS (SELECT 1 FROM"
                + " insight WHERE id = 951)\n");
        String refused = servers.get().seeds("demo," + sql).startFails();
        assertTrue(refused.contains("Seed script " + sql + " is SQL, which this release no longer runs"), refused);
        assertEquals(after, SchemaMigrationsTestAccess.everyRow(database), "a refused SQL seed changed the database");
    }

    /** The rows the template adds, by table: a tenant, its organization, a record, an insight with two properties, a translation, one history entry. */
    private static int newRowsOfTheTemplate(String table) {
        return switch (table) {
            case "tenant", "crm_organization", "crm_record", "insight", "insight_translation", "insight_change" -> 1;
            case "insight_property" -> 2;
            default -> 0;
        };
    }

    /** Rows numbered as the SQL seed scripts of earlier releases numbered them: 1 to 999, of a tenant of their own. */
    private static void olderReleasesSeed(Statement sql) throws SQLException {
        sql.execute("INSERT INTO tenant (id, display_name) VALUES ('" + LEGACY + "', 'Legacy Traders')");
        sql.execute("INSERT INTO crm_organization (id, crm_type, host, display_name, tenant_id) VALUES (500,"
                + " 'DYNAMICS_365', 'legacy.crm.dynamics.com', 'Legacy', '" + LEGACY + "')");
        for (long id : new long[] {1, 500, 900, 949}) {
            sql.execute("INSERT INTO crm_record (id, organization_id, record_type, record_id, display_name) VALUES ("
                    + id + ", 500, 'opportunity', '" + new UUID(0x1e9L, id) + "', 'Legacy " + id + "')");
            sql.execute("INSERT INTO insight (id, crm_record_id, title, description, pinned, priority, natural_key)"
                    + " VALUES (" + id + ", " + id + ", 'Legacy', 'Seeded by SQL in an earlier release.', FALSE, 0,"
                    + " 'legacy-" + id + "')");
            sql.execute("INSERT INTO insight_property (insight_id, prop_order, prop_name, prop_value) VALUES (" + id
                    + ", 0, 'Source', 'SQL seed')");
            sql.execute("INSERT INTO insight_translation (id, insight_id, language, title, description) VALUES ("
                    + id + ", " + id + ", 'de', 'Alt', 'Von einem SQL-Seed.')");
        }
    }

    /** 300 insights of 30 opportunities of the trial tenant, as a curator imports them. */
    private static String trialInsights(int insights) {
        StringBuilder file = new StringBuilder("{\"insights\": [");
        for (int i = 0; i < insights; i++) {
            file.append(i == 0 ? "" : ",").append("{\"crmType\": \"Dynamics 365\", \"orgUrl\": \"").append(TRIAL_HOST)
                    .append("\", \"recordType\": \"opportunity\", \"recordId\": \"").append(new UUID(0x951L, i / 10))
                    .append("\", \"key\": \"trial-").append(i).append("\", \"title\": \"Trial ").append(i)
                    .append("\", \"description\": \"Made by a curator.\", \"dateTime\": \"2026-11-")
                    .append(10 + i % 10).append("T10:00:00Z\", \"additionalProperties\": {\"Attendees\": \"")
                    .append(i).append("\"}}");
        }
        return file.append("]}").toString();
    }

    private static int count(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static HttpResponse<String> send(MicroProcess server, String token, String method, String path,
            String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri(path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", token)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
