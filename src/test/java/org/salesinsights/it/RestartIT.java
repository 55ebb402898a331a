package org.salesinsights.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restart never undoes a curator's work, and a server killed in the middle of a change leaves it whole or absent.
 * The README's Payara Micro runs as a process of its own (demo mode, the demo seed named on every start) on an H2 file
 * and, in the postgresql profile, on PostgreSQL; the test restarts it, or kills it with {@code kill -9}.
 */
@Tag("own-payara-micro") // starts the README's Payara Micro itself, whatever the server under test: not on WildFly
class RestartIT {

    private static final String CONTOSO = "c07050c0-0000-4000-a000-000000000001";
    private static final String ADATUM = "ada70000-0000-4000-a000-000000000003";
    private static final String OPPORTUNITY = "api/v1/opportunity-insights?recordType=opportunity"
            + "&recordId=d1c6a4e2-5f3b-4c8e-9a7d-2b1e0f6c3a91&top=20";

    /** When the kill comes: before the changes reach the database, while they run, after they are done. */
    private static final long[] KILL_AFTER_MILLIS = {200, 900, 4_000};

    @TempDir
    Path dataDir;

    @Test
    void onH2ARestartKeepsWhatCuratorsDid() {
        onlyWithoutPostgres();
        restartKeepsWhatCuratorsDid(() -> MicroProcess.onH2(dataDir, "restart-h2"));
    }

    @Test
    void onPostgresARestartKeepsWhatCuratorsDid() throws SQLException {
        String database = scratchPostgres("insights_restart_it");
        restartKeepsWhatCuratorsDid(() -> MicroProcess.onPostgres(database, "restart-postgres"));
    }

    @Test
    void onPostgresAKilledImportOrTenantChangeIsWholeOrAbsent() throws Exception {
        String database = scratchPostgres("insights_kill_it");
        killedChangesAreWholeOrAbsent(() -> MicroProcess.onPostgres(database, "kill-postgres"),
                () -> openWriteTransactions(database) > 0);
    }

    @Test
    void onH2AKilledImportOrTenantChangeIsWholeOrAbsent() {
        onlyWithoutPostgres();
        killedChangesAreWholeOrAbsent(() -> MicroProcess.onH2(dataDir, "kill-h2"), null);
    }

    private void restartKeepsWhatCuratorsDid(java.util.function.Supplier<MicroProcess> servers) {
        Map<String, String> asLeft;
        try (MicroProcess server = servers.get().start()) {
            String curator = server.token(MicroProcess.PARTNER, "Insights.Admin");
            long two = demoInsight(server, curator, "insight-2");
            long three = demoInsight(server, curator, "insight-3");
            // edit insight 2 and drop its second property; delete insight 3; remove the Adatum tenant
            HttpResponse<String> edited = send(server, curator, "PUT", "api/admin/v1/insights/" + two, "\"1\"",
                    "{\"key\": \"insight-2\", \"title\": \"Validated\", \"description\": \"Timeline agreed.\","
                            + " \"additionalProperties\": {\"Stage\": \"Validation\"}}");
            assertEquals(200, edited.statusCode(), edited::body);
            HttpResponse<String> deleted = send(server, curator, "DELETE", "api/admin/v1/insights/" + three, "\"1\"",
                    null);
            assertEquals(204, deleted.statusCode(), deleted::body);
            String tenantVersion = send(server, curator, "GET", "api/admin/v1/tenants/" + ADATUM, null, null)
                    .headers().firstValue("ETag").orElseThrow();
            HttpResponse<String> removed = send(server, curator, "DELETE", "api/admin/v1/tenants/" + ADATUM,
                    tenantVersion, null);
            assertEquals(204, removed.statusCode(), removed::body);
            asLeft = state(server, two, three);
            server.stop();
            server.start();
            assertEquals(asLeft, state(server, two, three), "the restart changed what the curator left");
        }
    }

    /** What sellers and curators see of the changes: insight 2 with its history, insight 3, the tenants. */
    private static Map<String, String> state(MicroProcess server, long two, long three) {
        String curator = server.token(MicroProcess.PARTNER, "Insights.Admin");
        Map<String, String> state = new LinkedHashMap<>();
        state.put("insight 2", send(server, curator, "GET", "api/admin/v1/insights/" + two, null, null).body());
        state.put("history 2", send(server, curator, "GET", "api/admin/v1/insights/" + two + "/history", null, null)
                .body());
        state.put("insight 3", send(server, curator, "GET", "api/admin/v1/insights/" + three, null, null).statusCode()
                + "");
        state.put("tenants", send(server, curator, "GET", "api/admin/v1/tenants", null, null).body());
        state.put("seller", Http.get(server.uri(OPPORTUNITY), "Authorization", server.token(CONTOSO)).body());
        assertEquals("404", state.get("insight 3"));
        assertTrue(state.get("insight 2").contains("\"title\":\"Validated\""), state.get("insight 2"));
        assertTrue(!state.get("tenants").contains(ADATUM), state.get("tenants"));
        assertEquals(403, Http.get(server.uri(OPPORTUNITY), "Authorization", server.token(ADATUM)).statusCode(),
                "a removed tenant's users are refused");
        return state;
    }

    /**
     * An import of 2,000 insights and a tenant change with 100 organizations, each sent and the server killed after
     * a growing delay; after the restart, the import's records hold all of its insights or none, and the tenant is
     * registered with all of its organizations or not at all. On PostgreSQL the first kill waits until the database
     * shows a write transaction of the server open, so that one kill surely lands in the middle of a change.
     */
    private void killedChangesAreWholeOrAbsent(java.util.function.Supplier<MicroProcess> servers,
            java.util.function.BooleanSupplier inTransaction) {
        boolean killedMidTransaction = false;
        List<String> seen = new ArrayList<>();
        try (MicroProcess server = servers.get().start()) {
            for (int attempt = 0; attempt < 3; attempt++) {
                String curator = server.token(MicroProcess.PARTNER, "Insights.Admin");
                String batch = "kill" + attempt + "-" + UUID.randomUUID().toString().substring(0, 8);
                String tenant = UUID.randomUUID().toString();
                CompletableFuture<HttpResponse<String>> importing = sendAsync(server, curator, "POST",
                        "api/admin/v1/import", importFile(batch, 2_000));
                CompletableFuture<HttpResponse<String>> registering = sendAsync(server, curator, "PUT",
                        "api/admin/v1/tenants/" + tenant, tenantDocument(batch, 100));
                if (attempt == 0 && inTransaction != null) {
                    long deadline = System.nanoTime() + 20_000_000_000L;
                    while (!inTransaction.getAsBoolean() && System.nanoTime() < deadline) {
                        MicroProcess.sleep(5);
                    }
                    killedMidTransaction = inTransaction.getAsBoolean();
                } else {
                    MicroProcess.sleep(KILL_AFTER_MILLIS[attempt]);
                }
                server.kill();
                importing.handle((r, e) -> null).join();
                registering.handle((r, e) -> null).join();
                server.start();
                curator = server.token(MicroProcess.PARTNER, "Insights.Admin");

                HttpResponse<String> export = send(server, curator, "GET", "api/admin/v1/export?crmType="
                        + "Dynamics%20365&orgUrl=contoso.crm.dynamics.com", null, null);
                assertEquals(200, export.statusCode(), export::body);
                int imported = countOccurrences(export.body(), "\"key\":\"" + batch + "-");
                assertTrue(imported == 0 || imported == 2_000, "a killed import left " + imported + " of 2000");
                HttpResponse<String> registered = send(server, curator, "GET", "api/admin/v1/tenants/" + tenant,
                        null, null);
                int organizations = countOccurrences(registered.body(), "\"host\"");
                assertTrue(registered.statusCode() == 404 || registered.statusCode() == 200 && organizations == 100,
                        () -> "a killed tenant change left " + registered.statusCode() + " " + registered.body());
                seen.add("import " + imported + ", tenant " + registered.statusCode());
            }
        }
        System.out.println("RestartIT: after kill -9: " + seen + (inTransaction == null ? ""
                : ", first kill during an open write transaction: " + killedMidTransaction));
        assertTrue(inTransaction == null || killedMidTransaction, "no kill landed in the middle of a change");
    }

    /** The server's transactions on the database that have written (PostgreSQL gave them a transaction id). */
    /** The id of a demo insight of the Contoso opportunity, by its key: ids are the database's, keys the seed's. */
    private static long demoInsight(MicroProcess server, String curator, String key) {
        long record = Http.array(send(server, curator, "GET",
                "api/admin/v1/records?crmType=Dynamics%20365&orgUrl=contoso.crm.dynamics.com", null, null))
                .getValuesAs(jakarta.json.JsonObject.class).stream()
                .filter(r -> r.getString("recordId").equals("d1c6a4e2-5f3b-4c8e-9a7d-2b1e0f6c3a91"))
                .findFirst().orElseThrow().getJsonNumber("id").longValue();
        return Http.array(send(server, curator, "GET", "api/admin/v1/records/" + record + "/insights", null, null))
                .getValuesAs(jakarta.json.JsonObject.class).stream().filter(i -> i.getString("key").equals(key))
                .findFirst().orElseThrow().getJsonNumber("id").longValue();
    }

    private static int openWriteTransactions(String database) {
        String url = System.getProperty("insights.it.postgres.adminUrl");
        try (Connection admin = DriverManager.getConnection(url); Statement sql = admin.createStatement();
                java.sql.ResultSet rows = sql.executeQuery("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = '"
                        + database + "' AND backend_xid IS NOT NULL")) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            return 0;
        }
    }

    private static String importFile(String batch, int insights) {
        StringBuilder file = new StringBuilder("{\"insights\": [");
        for (int i = 0; i < insights; i++) {
            file.append(i == 0 ? "" : ",").append("{\"crmType\": \"Dynamics 365\", \"orgUrl\":")
                    .append(" \"contoso.crm.dynamics.com\", \"recordType\": \"account\", \"recordId\": \"")
                    .append(new UUID(0xbadL, batch.hashCode() * 10_000L + i / 10)).append("\", \"key\": \"")
                    .append(batch).append('-').append(i).append("\", \"title\": \"Imported\", \"description\":")
                    .append(" \"Row ").append(i).append(" of a batch the server was killed in.\"}");
        }
        return file.append("]}").toString();
    }

    private static String tenantDocument(String batch, int organizations) {
        StringBuilder document = new StringBuilder("{\"displayName\": \"Killed " + batch + "\", \"organizations\": [");
        for (int i = 0; i < organizations; i++) {
            document.append(i == 0 ? "" : ",").append("{\"crmType\": \"Dynamics 365\", \"orgUrl\": \"https://")
                    .append(batch).append('-').append(i).append(".crm.dynamics.com\"}");
        }
        return document.append("]}").toString();
    }

    private static int countOccurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

    private static HttpResponse<String> send(MicroProcess server, String token, String method, String path,
            String ifMatch, String json) {
        return Http.send(request(server, token, method, path, ifMatch, json));
    }

    private static CompletableFuture<HttpResponse<String>> sendAsync(MicroProcess server, String token,
            String method, String path, String json) {
        return HttpClient.newHttpClient().sendAsync(request(server, token, method, path, null, json),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpRequest request(MicroProcess server, String token, String method, String path,
            String ifMatch, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", token)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.build();
    }

    /** The postgresql profile runs the PostgreSQL cases; the default suite the H2 ones: each server start counts. */
    private static void onlyWithoutPostgres() {
        Assumptions.assumeTrue(System.getProperty("insights.it.postgres.adminUrl") == null, "H2: the default suite");
    }

    private static String scratchPostgres(String name) throws SQLException {
        String adminUrl = System.getProperty("insights.it.postgres.adminUrl");
        Assumptions.assumeTrue(adminUrl != null, "PostgreSQL: the postgresql profile");
        try (Connection admin = DriverManager.getConnection(adminUrl); Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            sql.execute("CREATE DATABASE " + name);
        }
        return name;
    }
}
