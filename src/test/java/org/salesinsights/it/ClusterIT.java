package org.salesinsights.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several nodes behind nginx, as "Several nodes" of docs/deployment.md runs them (issue 13, part 4): two Payara Micro
 * nodes on one PostgreSQL database, in demo mode with one demo key made by its openssl command, behind nginx with
 * server-config/nginx/ as it is: the upstream file with these nodes' addresses, the public file listening on a free
 * loopback port instead of 8443. Everything on this machine's loopback; each step bounded in time.
 * {@code mvn verify -Pcluster}.
 */
@Tag("cluster") // needs PostgreSQL and nginx, and runs three servers (the cluster profile)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ClusterIT {

    private static final String DATABASE = "cluster_it";
    private static final String FABRIKAM = "fab00000-0000-4000-a000-000000000002";
    private static final String CONTOSO = "c07050c0-0000-4000-a000-000000000001";
    /** The feeding application the demo data lists in Contoso's registry entry. */
    private static final String FEEDER_APP = "a7c1e000-0000-4000-a000-000000000001";
    /** Each demo tenant's opportunity (the demo seed), so that each reader has a sign-in, and an allowance, of its own. */
    private static final Map<String, String> OPPORTUNITIES = Map.of(
            FABRIKAM, "api/v1/opportunity-insights?recordType=opportunity&recordId=006Dn00000A1b2C"
                    + "&crmType=Salesforce&top=2",
            "c07050c0-0000-4000-a000-000000000001", "api/v1/opportunity-insights?recordType=opportunity"
                    + "&recordId=d1c6a4e2-5f3b-4c8e-9a7d-2b1e0f6c3a91&crmType=Dynamics365&top=2",
            "ada70000-0000-4000-a000-000000000003", "api/v1/opportunity-insights?recordType=opportunity"
                    + "&recordId=a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d&crmType=Dynamics365&top=2");
    /** How soon another node must serve a curator's change (the promise). */
    private static final Duration COHERENCE = Duration.ofSeconds(1);

    @TempDir
    static Path work;

    private static Path demoKey;
    private static MicroProcess one;
    private static MicroProcess two;
    private static MicroProcess later;
    private static Process nginx;
    private static int nginxPort;
    private static HttpClient client;

    @BeforeAll
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    static void startTwoNodesAndNginx() throws Exception {
        String adminUrl = System.getProperty("insights.it.cluster.postgresAdminUrl");
        try (Connection admin = DriverManager.getConnection(adminUrl); Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            sql.execute("CREATE DATABASE " + DATABASE);
        }
        demoKey = work.resolve("demo-signing-key.pem"); // the command of docs/deployment.md, Several nodes
        ReverseProxyIT.run("openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:3072",
                "-out", demoKey.toString());
        one = node("cluster-node-1");
        two = node("cluster-node-2");
        // together, as a cluster's nodes start: the schema's migration and the demo seed take turns (advisory locks)
        ExecutorService starting = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<MicroProcess> first = CompletableFuture.supplyAsync(one::start, starting);
            CompletableFuture<MicroProcess> second = CompletableFuture.supplyAsync(two::start, starting);
            first.join();
            second.join();
        } finally {
            starting.shutdown();
        }
        startNginx();
    }

    @AfterAll
    static void stopAll() throws InterruptedException {
        if (nginx != null) {
            nginx.destroy();
            nginx.waitFor(10, TimeUnit.SECONDS);
        }
        for (MicroProcess node : new MicroProcess[] {one, two, later}) {
            if (node != null) {
                node.stop();
            }
        }
    }

    private static MicroProcess node(String name) {
        return MicroProcess.onPostgres(DATABASE, name).withOptions("-Dinsights.demo.signing-key-file=" + demoKey);
    }

    @Test
    @Order(1)
    void aDemoTokenFromOneNodeIsAcceptedByTheOther() {
        String seller = one.token(FABRIKAM);
        HttpResponse<String> onTwo = read(two, seller, OPPORTUNITIES.get(FABRIKAM));
        assertEquals(200, onTwo.statusCode(), onTwo::body);
        assertEquals(read(one, seller, OPPORTUNITIES.get(FABRIKAM)).body(), onTwo.body());
        String curator = one.token(MicroProcess.PARTNER, "Insights.Admin");
        HttpResponse<String> tenants = Http.get(two.uri("api/admin/v1/tenants"), "Authorization", curator);
        assertEquals(200, tenants.statusCode(), tenants::body);
        // and the other way round
        assertEquals(200, read(one, two.token(FABRIKAM), OPPORTUNITIES.get(FABRIKAM)).statusCode());
    }

    /**
     * Node 2 has the record's answer (cached, where a cache is) when a curator changes an insight through node 1's
     * admin API: within a second node 2 serves what node 1 serves, polled every 50 ms.
     */
    @Test
    @Order(2)
    void anEditThroughNodeOneIsServedByNodeTwoWithinASecond() {
        String path = OPPORTUNITIES.get(FABRIKAM);
        String seller = one.token(FABRIKAM);
        String before = read(two, seller, path).body();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> again = read(two, seller, path);
            assertEquals(200, again.statusCode(), again::body);
            assertEquals(before, again.body());
        }
        String curator = one.token(MicroProcess.PARTNER, "Insights.Admin");
        JsonObject insight = insightDescribed(curator,
                Http.json(before).getJsonArray("value").getJsonObject(0).getString("description"));
        String description = "Edited through node 1, " + System.currentTimeMillis() + ".";
        HttpResponse<String> edited = Http.send(HttpRequest.newBuilder(one.uri("api/admin/v1/insights/"
                + insight.getJsonNumber("id").longValue())).timeout(Duration.ofSeconds(20))
                .header("Authorization", curator).header("Content-Type", "application/json")
                .header("If-Match", "\"" + insight.getJsonNumber("version").longValue() + "\"")
                .PUT(HttpRequest.BodyPublishers.ofString(document(insight, description))).build());
        long editedAt = System.nanoTime();
        assertEquals(200, edited.statusCode(), edited::body);
        String after = read(one, seller, path).body();
        assertTrue(after.contains(description), () -> "node 1, which made the change, serves it at once: " + after);

        String served;
        long waited;
        do {
            HttpResponse<String> poll = read(two, seller, path);
            assertEquals(200, poll.statusCode(), poll::body);
            served = poll.body();
            waited = System.nanoTime() - editedAt;
            if (served.equals(after)) {
                break;
            }
            MicroProcess.sleep(50);
        } while (System.nanoTime() - editedAt < COHERENCE.toNanos());
        assertEquals(after, served, "node 2 still served the old answer " + COHERENCE.toMillis() + " ms after the"
                + " edit through node 1");
        System.out.println("ClusterIT: node 2 served the edit " + TimeUnit.NANOSECONDS.toMillis(waited)
                + " ms after node 1 made it");
    }

    @Test
    @Order(2)
    void aTenantRemovedThroughNodeOneIsRefusedByNodeTwoWithinASecond() {
        String tenant = "c1a57e00-0000-4000-a000-" + String.format("%012d", System.currentTimeMillis() % 1_000_000_000_000L);
        String curator = one.token(MicroProcess.PARTNER, "Insights.Admin");
        HttpResponse<String> registered = Http.send(HttpRequest.newBuilder(one.uri("api/admin/v1/tenants/" + tenant))
                .timeout(Duration.ofSeconds(20)).header("Authorization", curator)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"displayName\": \"Removed soon\", \"organizations\":"
                        + " [{\"crmType\": \"Dynamics 365\", \"orgUrl\": \"cluster-removal.crm.dynamics.com\"}]}"))
                .build());
        assertEquals(201, registered.statusCode(), registered::body);
        String seller = one.token(tenant);
        String path = "api/v1/opportunity-insights?recordType=opportunity&recordId=" + java.util.UUID.randomUUID();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (read(two, seller, path).statusCode() != 200) { // node 2 learns of the new tenant by its poll
            assertTrue(System.nanoTime() < deadline, "node 2 never accepted the new tenant");
            MicroProcess.sleep(50);
        }
        for (int i = 0; i < 3; i++) {
            assertEquals(200, read(two, seller, path).statusCode(), "its token and answer are cached on node 2 now");
        }
        HttpResponse<String> removed = Http.send(HttpRequest.newBuilder(one.uri("api/admin/v1/tenants/" + tenant))
                .timeout(Duration.ofSeconds(20)).header("Authorization", curator)
                .header("If-Match", registered.headers().firstValue("ETag").orElseThrow()).DELETE().build());
        long removedAt = System.nanoTime();
        assertEquals(204, removed.statusCode(), removed::body);
        assertEquals(403, read(one, seller, path).statusCode(), "node 1 cuts it off at once");
        int status;
        do {
            status = read(two, seller, path).statusCode();
            if (status == 403) {
                break;
            }
            MicroProcess.sleep(50);
        } while (System.nanoTime() - removedAt < COHERENCE.toNanos());
        assertEquals(403, status, "node 2 still served the removed tenant " + COHERENCE.toMillis() + " ms after its"
                + " removal through node 1");
    }

    /**
     * Node 2 has a record's answer (cached, where a cache is), first with nothing fed, then with what a feeder's batch
     * through node 1 made; each later batch through node 1 (a put that replaces, a delete) is served by node 2 within a
     * second. The application is the one the demo data lists among Contoso's feeders (docs/feeds.md).
     */
    @Test
    @Order(2)
    void aFeedBatchThroughNodeOneIsServedByNodeTwoWithinASecond() {
        String opportunity = java.util.UUID.randomUUID().toString();
        String path = contosoOpportunity(opportunity);
        String seller = one.token(CONTOSO);
        String feeder = one.appToken(CONTOSO, FEEDER_APP);
        String empty = cachedOn(two, seller, path);
        assertEquals("{\"value\":[],\"hasMoreResults\":false}", empty, "nothing is fed yet");

        HttpResponse<String> created = feed(one, "POST", "api/feed/v1/batches", feeder, "{\"items\": ["
                + batchPut("Q-1", opportunity, "Quote sent") + ", " + batchPut("Q-2", opportunity, "Quote revised")
                + "]}");
        assertEquals(List.of("201 created", "201 created"), outcomes(created));
        servedByBothWithinASecond(one, two, seller, path, "the batch that made the record's insights");
        cachedOn(two, seller, path);

        HttpResponse<String> changed = feed(one, "POST", "api/feed/v1/batches", feeder, "{\"items\": ["
                + batchPut("Q-1", opportunity, "Quote accepted") + ", {\"action\": \"delete\", \"source\":"
                + " \"cluster-quotes\", \"externalId\": \"Q-2\", \"crmType\": \"Dynamics 365\", \"crmOrgUrl\":"
                + " \"contoso.crm.dynamics.com\"}]}");
        assertEquals(List.of("200 replaced", "204 deleted"), outcomes(changed));
        String served = servedByBothWithinASecond(one, two, seller, path, "the batch that replaced and deleted");
        assertEquals(List.of("Quote accepted"), titles(served));
    }

    /**
     * A snapshot of a record through node 2 that leaves one of its two insights out deletes it: node 1, which had the
     * record's answer with both, serves it without within a second.
     */
    @Test
    @Order(2)
    void aSnapshotThroughNodeTwoThatDeletesAnInsightIsSeenByNodeOneWithinASecond() {
        String opportunity = java.util.UUID.randomUUID().toString();
        String path = contosoOpportunity(opportunity);
        String seller = two.token(CONTOSO);
        String feeder = two.appToken(CONTOSO, FEEDER_APP);
        String snapshot = "{\"crmType\": \"Dynamics 365\", \"crmOrgUrl\": \"contoso.crm.dynamics.com\","
                + " \"recordType\": \"opportunity\", \"recordId\": \"" + opportunity + "\", \"items\": [";
        HttpResponse<String> both = feed(two, "PUT", "api/feed/v1/sources/cluster-cases/snapshot", feeder, snapshot
                + snapshotItem("C-1", "Case opened") + ", " + snapshotItem("C-2", "Case escalated") + "]}");
        assertEquals(List.of("201 created", "201 created"), outcomes(both));
        servedByBothWithinASecond(two, one, seller, path, "the snapshot that made the record's insights");
        assertEquals(2, titles(cachedOn(one, seller, path)).size());

        HttpResponse<String> leftOut = feed(two, "PUT", "api/feed/v1/sources/cluster-cases/snapshot", feeder, snapshot
                + snapshotItem("C-1", "Case opened") + "]}");
        assertEquals(List.of("200 unchanged"), outcomes(leftOut));
        assertEquals(1, Http.json(leftOut).getInt("deleted"), leftOut::body);
        String served = servedByBothWithinASecond(two, one, seller, path, "the snapshot that deleted C-2");
        assertEquals(List.of("Case opened"), titles(served));
    }

    /**
     * The record details card is cached and kept coherent as the insights are: node 2 has a record's related records
     * (none), a feed through node 1 relates two, then a snapshot through node 1 leaves one out and renames the other;
     * node 2 serves each within a second.
     */
    @Test
    @Order(2)
    void relatedRecordsFedThroughNodeOneAreServedByNodeTwoWithinASecond() {
        String opportunity = java.util.UUID.randomUUID().toString();
        String path = "api/v1/related-records?recordType=opportunity&recordId=" + opportunity
                + "&crmOrgUrl=contoso.crm.dynamics.com&top=5";
        String seller = one.token(CONTOSO);
        String feeder = one.appToken(CONTOSO, FEEDER_APP);
        assertEquals("{\"value\":[],\"hasMoreResults\":false}", cachedOn(two, seller, path), "nothing related yet");

        String snapshot = "{\"crmRecord\": {\"crmType\": \"Dynamics 365\", \"orgUrl\": \"contoso.crm.dynamics.com\","
                + " \"recordType\": \"opportunity\", \"recordId\": \"" + opportunity + "\"}, \"relatedRecords\": [";
        HttpResponse<String> both = feed(one, "PUT", "api/feed/v1/sources/cluster-contracts/related-records", feeder,
                snapshot + relatedItem("CT-1", "Service contract") + ", " + relatedItem("CT-2", "Lease") + "]}");
        assertEquals(200, both.statusCode(), both::body);
        assertEquals(2, Http.json(both).getInt("created"), both::body);
        servedByBothWithinASecond(one, two, seller, path, "the feed that related two records");
        assertEquals(2, recordTitles(cachedOn(two, seller, path)).size());

        HttpResponse<String> changed = feed(one, "PUT", "api/feed/v1/sources/cluster-contracts/related-records",
                feeder, snapshot + relatedItem("CT-1", "Service contract, renewed") + "]}");
        assertEquals(200, changed.statusCode(), changed::body);
        String served = servedByBothWithinASecond(one, two, seller, path, "the snapshot that renamed and left out");
        assertEquals(List.of("Service contract, renewed"), recordTitles(served));
    }

    /**
     * Three sellers read through nginx, each with a sign-in of its own (nginx's allowance is 10 a second per
     * sign-in), while node 1 is killed ({@code kill -9}): every read is answered 200 with the right answer, nginx
     * trying the other node where node 1 fails, and nginx's log shows that node 1 served reads before and that some
     * read was retried on node 2.
     */
    @Test
    @Order(3)
    void killingANodeLosesNoReadThroughNginx() throws Exception {
        List<String> failures = new CopyOnWriteArrayList<>();
        List<Integer> counts = new CopyOnWriteArrayList<>();
        AtomicBoolean reading = new AtomicBoolean(true);
        List<CompletableFuture<Void>> readers = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(OPPORTUNITIES.size()); // each reader a thread of its own
        for (Map.Entry<String, String> opportunity : OPPORTUNITIES.entrySet()) {
            String seller = two.token(opportunity.getKey());
            String expected = read(two, seller, opportunity.getValue()).body();
            readers.add(CompletableFuture.runAsync(() -> {
                int count = 0;
                while (reading.get()) {
                    try {
                        HttpResponse<String> answer = throughNginx(opportunity.getValue(), seller);
                        if (answer.statusCode() != 200 || !answer.body().equals(expected)) {
                            failures.add(answer.statusCode() + " " + answer.body());
                        }
                    } catch (IOException e) {
                        failures.add(e.toString());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    count++;
                    MicroProcess.sleep(120); // under the 10 a second per sign-in
                }
                counts.add(count);
            }, threads));
        }
        MicroProcess.sleep(2_000);
        String node1 = "127.0.0.1:" + one.port();
        String node2 = "127.0.0.1:" + two.port();
        assertTrue(accessLog().stream().anyMatch(line -> line.contains(node1)), "node 1 served no read before the kill");
        int linesBeforeKill = accessLog().size();
        one.kill();
        MicroProcess.sleep(4_000);
        reading.set(false);
        CompletableFuture.allOf(readers.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        threads.shutdown();

        int reads = counts.stream().mapToInt(Integer::intValue).sum();
        assertTrue(failures.isEmpty(), () -> failures.size() + " of " + reads + " reads failed: " + failures);
        assertTrue(reads >= 30, "only " + reads + " reads");
        List<String> afterKill = accessLog().subList(linesBeforeKill, accessLog().size());
        assertTrue(afterKill.stream().anyMatch(line -> line.contains(node1 + ", " + node2)),
                () -> "no read was retried on node 2 after node 1 was killed: " + afterKill);
        System.out.println("ClusterIT: " + reads + " reads through nginx, node 1 killed after 2 s, none lost; "
                + afterKill.stream().filter(line -> line.contains(node1 + ", ")).count() + " retried on node 2");
    }

    /** A node that starts while the others run serves at once: its very first read is 200 with what node 2 serves. */
    @Test
    @Order(4)
    void aNodeStartedLaterServesAtOnce() {
        if (one.isAlive()) {
            one.kill(); // at most two servers on this machine at a time
        }
        String path = OPPORTUNITIES.get(FABRIKAM);
        String seller = two.token(FABRIKAM); // from another node: the new one has handed out nothing yet
        String expected = read(two, seller, path).body();
        later = node("cluster-node-3").start();
        HttpResponse<String> first = read(later, seller, path);
        assertEquals(200, first.statusCode(), first::body);
        assertEquals(expected, first.body(), "the new node's first answer");
        later.stop();
    }

    /** A node given a key it cannot use does not start: with a key of its own it would refuse the others' tokens. */
    @Test
    @Order(5)
    void aNodeGivenAnUnusableDemoKeyDoesNotStart() throws Exception {
        Path pkcs1 = work.resolve("pkcs1.pem");
        ReverseProxyIT.run("openssl", "genrsa", "-traditional", "-out", pkcs1.toString(), "2048");
        String log = MicroProcess.onPostgres(DATABASE, "cluster-node-bad-key")
                .withOptions("-Dinsights.demo.signing-key-file=" + pkcs1).startFails();
        assertTrue(log.contains("PKCS#1") && log.contains(pkcs1.toString()), "the log says why and names the file");
        assertFalse(log.contains(Files.readString(pkcs1).lines().skip(1).findFirst().orElseThrow()),
                "the log never shows the key");
    }

    private static String contosoOpportunity(String opportunity) {
        return "api/v1/opportunity-insights?recordType=opportunity&recordId=" + opportunity + "&crmType=Dynamics365"
                + "&top=5";
    }

    /** The node's answer, read until it stays the same three times: cached there, where a cache is. */
    private static String cachedOn(MicroProcess node, String seller, String path) {
        HttpResponse<String> first = read(node, seller, path);
        assertEquals(200, first.statusCode(), first::body);
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> again = read(node, seller, path);
            assertEquals(200, again.statusCode(), again::body);
            assertEquals(first.body(), again.body());
        }
        return first.body();
    }

    /**
     * What the node that took a change serves at once, which the other node must serve within {@link #COHERENCE}
     * (polled every 50 ms); the answer.
     */
    private static String servedByBothWithinASecond(MicroProcess writer, MicroProcess other, String seller,
            String path, String what) {
        long changedAt = System.nanoTime();
        HttpResponse<String> atOnce = read(writer, seller, path);
        assertEquals(200, atOnce.statusCode(), atOnce::body);
        String expected = atOnce.body();
        String served;
        do {
            HttpResponse<String> poll = read(other, seller, path);
            assertEquals(200, poll.statusCode(), poll::body);
            served = poll.body();
            if (served.equals(expected)) {
                break;
            }
            MicroProcess.sleep(50);
        } while (System.nanoTime() - changedAt < COHERENCE.toNanos());
        assertEquals(expected, served, "the other node still served the old answer " + COHERENCE.toMillis()
                + " ms after " + what);
        System.out.println("ClusterIT: the other node served " + what + " "
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - changedAt) + " ms after it was made");
        return expected;
    }

    private static HttpResponse<String> feed(MicroProcess node, String method, String path, String feeder,
            String json) {
        return Http.send(HttpRequest.newBuilder(node.uri(path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", feeder).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static String batchPut(String externalId, String opportunity, String title) {
        return "{\"action\": \"put\", \"source\": \"cluster-quotes\", \"externalId\": \"" + externalId + "\","
                + " \"crmType\": \"Dynamics 365\", \"crmOrgUrl\": \"contoso.crm.dynamics.com\", \"recordType\":"
                + " \"opportunity\", \"recordId\": \"" + opportunity + "\", \"title\": \"" + title + "\","
                + " \"description\": \"" + title + ", fed through one node.\"}";
    }

    private static String snapshotItem(String externalId, String title) {
        return "{\"externalId\": \"" + externalId + "\", \"title\": \"" + title + "\", \"description\": \""
                + title + ", in a snapshot.\"}";
    }

    /** Each item's status and outcome, in the order sent. */
    private static List<String> outcomes(HttpResponse<String> results) {
        assertEquals(200, results.statusCode(), results::body);
        return Http.json(results).getJsonArray("results").getValuesAs(JsonObject.class).stream()
                .map(r -> r.getInt("status") + " " + r.getString("outcome")).toList();
    }

    private static String relatedItem(String recordId, String title) {
        return "{\"recordId\": \"" + recordId + "\", \"recordType\": \"contract\", \"recordTypeDisplayName\":"
                + " \"Contract\", \"recordTypePluralDisplayName\": \"Contracts\", \"recordTitle\": \"" + title + "\"}";
    }

    private static List<String> recordTitles(String answer) {
        return Http.json(answer).getJsonArray("value").getValuesAs(JsonObject.class).stream()
                .map(r -> r.getString("recordTitle")).toList();
    }

    private static List<String> titles(String answer) {
        return Http.json(answer).getJsonArray("value").getValuesAs(JsonObject.class).stream()
                .map(i -> i.getString("title")).toList();
    }

    private static HttpResponse<String> read(MicroProcess node, String token, String path) {
        return Http.get(node.uri(path), "Authorization", token);
    }

    private static HttpResponse<String> throughNginx(String path, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://localhost:" + nginxPort + "/" + path))
                .timeout(Duration.ofSeconds(10)).GET();
        if (token != null) {
            request.header("Authorization", token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The insight of the Fabrikam opportunity with this description, as node 1's curators' API has it. */
    private static JsonObject insightDescribed(String curator, String description) {
        JsonObject record = Http.array(Http.get(one.uri("api/admin/v1/records?crmType=Salesforce"
                + "&orgUrl=fabrikam.my.salesforce.com"), "Authorization", curator))
                .getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("recordId").startsWith("006Dn00000A1b2C")).findFirst().orElseThrow();
        return Http.array(Http.get(one.uri("api/admin/v1/records/" + record.getJsonNumber("id") + "/insights"),
                "Authorization", curator)).getValuesAs(JsonObject.class).stream()
                .filter(i -> i.getString("description").equals(description)).findFirst().orElseThrow();
    }

    /** The insight's document as a curator sends it back, with another description. */
    private static String document(JsonObject insight, String description) {
        JsonObjectBuilder document = Json.createObjectBuilder();
        for (String field : List.of("key", "title", "url", "dateTime", "pinned", "priority", "language", "visibleFrom",
                "visibleUntil", "additionalProperties")) {
            if (insight.containsKey(field) && !insight.isNull(field)) {
                document.add(field, insight.get(field));
            }
        }
        return document.add("description", description).build().toString();
    }

    /**
     * nginx with the real files of server-config/nginx/: the upstream file with these nodes' addresses, the public
     * file listening on a free port of the loopback interface; its access log names the nodes each request went to.
     */
    private static void startNginx() throws Exception {
        Path prefix = Files.createDirectories(work.resolve("nginx"));
        Path certs = Files.createDirectories(prefix.resolve("certs"));
        Files.createDirectories(prefix.resolve("logs"));
        ReverseProxyIT.run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
                "/CN=localhost", "-addext", "subjectAltName=DNS:localhost",
                "-keyout", certs.resolve("sales-insights.key").toString(),
                "-out", certs.resolve("sales-insights.crt").toString());
        Path config = Path.of(System.getProperty("insights.serverConfig"), "nginx");
        String upstream = replacedOnce(Files.readString(config.resolve("sales-insights-upstream.conf")),
                Map.of("server 10.0.0.11:8080 ", "server 127.0.0.1:" + one.port() + " ",
                        "server 10.0.0.12:8080 ", "server 127.0.0.1:" + two.port() + " "));
        nginxPort = MicroProcess.freePort();
        String publicFace = replacedOnce(Files.readString(config.resolve("sales-insights.conf")),
                Map.of("listen 8443 ", "listen 127.0.0.1:" + nginxPort + " "));
        Files.writeString(prefix.resolve("sales-insights-upstream.conf"), upstream);
        Files.writeString(prefix.resolve("sales-insights.conf"), publicFace);
        Files.writeString(prefix.resolve("nginx.conf"), String.join("\n",
                "pid " + prefix.resolve("nginx.pid") + ";",
                "error_log " + prefix.resolve("logs/error.log") + " info;",
                "events {}",
                "http {",
                "  log_format nodes '$status $request_method $uri upstream=$upstream_addr statuses=$upstream_status';",
                "  access_log " + prefix.resolve("logs/access.log") + " nodes;",
                "  include " + prefix.resolve("sales-insights-upstream.conf") + ";",
                "  include " + prefix.resolve("sales-insights.conf") + ";",
                "}", ""));
        nginx = new ProcessBuilder("nginx", "-p", prefix + "/", "-c", prefix.resolve("nginx.conf").toString(),
                "-g", "daemon off;").redirectErrorStream(true).redirectOutput(prefix.resolve("logs/stdout.log").toFile())
                .start();
        Process started = nginx;
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
        client = HttpClient.newBuilder().sslContext(ReverseProxyIT.trusting(certs.resolve("sales-insights.crt")))
                .connectTimeout(Duration.ofSeconds(5)).build();
        for (int i = 0; i < 50; i++) {
            try {
                if (throughNginx("openapi", null).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                assertTrue(nginx.isAlive(), () -> "nginx died: " + text(prefix.resolve("logs/stdout.log"))
                        + text(prefix.resolve("logs/error.log")));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("nginx did not start: " + text(prefix.resolve("logs/error.log")));
    }

    /** The text with each key replaced by its value, each found exactly once: the file and the test must agree. */
    private static String replacedOnce(String text, Map<String, String> replacements) {
        String result = text;
        for (Map.Entry<String, String> replacement : replacements.entrySet()) {
            int at = result.indexOf(replacement.getKey());
            assertTrue(at >= 0 && result.indexOf(replacement.getKey(), at + 1) < 0,
                    () -> "expected once in server-config/nginx/: " + replacement.getKey());
            result = result.replace(replacement.getKey(), replacement.getValue());
        }
        return result;
    }

    private static List<String> accessLog() {
        try {
            return Files.readAllLines(work.resolve("nginx/logs/access.log"));
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(no " + file + ")";
        }
    }
}
