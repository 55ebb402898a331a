package org.salesinsights.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connector's path end to end: TLS at nginx with server-config/nginx/sales-insights.conf, the application
 * behind it at the root context, as partners deploy it.
 */
@Tag("nginx") // needs nginx and openssl (the nginx profile)
@ExtendWith(ArquillianExtension.class)
class ReverseProxyIT {

    private static final String ACTION = "/api/v1/opportunity-insights?recordType=opportunity"
            + "&recordId=006Dn00000A1b2C&crmType=Salesforce&top=2";

    @TempDir
    static Path prefix;

    /** A tenant of the feed tests' own, with one organization and the quote system among its feeders. */
    private static final String FEED_TENANT = "f00d0002-0000-4000-a000-" + String.format("%012d",
            Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000_000_000L));
    private static final String FEED_HOST = "proxy-" + FEED_TENANT.substring(24) + ".crm.dynamics.com";
    private static final String QUOTES_APP = "a7c1e000-0000-4000-a000-000000000001";

    private static Process nginx;
    private static HttpClient client;
    private static volatile boolean feedTenantRegistered;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        WebArchive built = ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("insights.war")));
        return ShrinkWrap.create(WebArchive.class, "ROOT.war").merge(built); // the root context, as in production
    }

    @BeforeEach
    void startNginx() throws Exception {
        if (nginx != null) {
            return;
        }
        Path certs = Files.createDirectories(prefix.resolve("certs"));
        Files.createDirectories(prefix.resolve("logs"));
        run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=DNS:localhost",
                "-keyout", certs.resolve("sales-insights.key").toString(),
                "-out", certs.resolve("sales-insights.crt").toString());
        Path config = Path.of(System.getProperty("insights.serverConfig"), "nginx", "sales-insights.conf");
        Files.writeString(prefix.resolve("nginx.conf"), String.join("\n",
                "pid " + prefix.resolve("nginx.pid") + ";",
                "error_log " + prefix.resolve("logs/error.log") + " info;",
                "events {}",
                "http {",
                "  access_log " + prefix.resolve("logs/access.log") + ";",
                "  upstream sales_insights { server 127.0.0.1:" + base.getPort() + "; keepalive 4; }",
                "  include " + config + ";",
                "}", ""));
        nginx = new ProcessBuilder("nginx", "-p", prefix + "/", "-c", prefix.resolve("nginx.conf").toString(),
                "-g", "daemon off;").redirectErrorStream(true).redirectOutput(prefix.resolve("logs/stdout.log").toFile())
                .start();
        client = HttpClient.newBuilder().sslContext(trusting(certs.resolve("sales-insights.crt")))
                .connectTimeout(Duration.ofSeconds(5)).build();
        for (int i = 0; i < 50; i++) {
            try {
                send("/openapi", "GET");
                return;
            } catch (IOException notYet) {
                assertTrue(nginx.isAlive(), () -> "nginx died: " + log("logs/stdout.log") + log("logs/error.log"));
                Thread.sleep(100);
            }
        }
        throw new AssertionError("nginx did not start: " + log("logs/error.log"));
    }

    @AfterAll
    static void stopNginx() throws InterruptedException {
        if (nginx != null) {
            nginx.destroy();
            nginx.waitFor(10, TimeUnit.SECONDS);
            nginx = null;
        }
    }

    @Test
    void theActionAnswersThroughTheProxyWithItsHeaders() throws Exception {
        HttpResponse<String> response = send(ACTION, "GET", "x-ms-client-request-id", "via-proxy-1",
                "x-ms-user-agent", "sales-copilot", "Authorization", TestTokens.bearer(TestTokens.FABRIKAM));
        assertEquals(200, response.statusCode(), response::body);
        assertTrue(response.body().startsWith("{\"value\":[{\"title\":\"Fabrikam Insights\""), response.body());
        assertEquals("via-proxy-1", response.headers().firstValue("x-ms-client-request-id").orElseThrow());
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertTrue(response.headers().firstValue("Cache-Control").orElseThrow().contains("no-store"));
        assertTrue(response.headers().firstValue("Strict-Transport-Security").isPresent());
        assertFalse(response.headers().firstValue("Server").orElse("").matches(".*[0-9].*"), "versions leak");
    }

    @Test
    void theOpenApiDocumentPointsAtThePublicOrigin() throws Exception {
        HttpResponse<String> response = send("/openapi", "GET", "Accept", "application/json");
        assertEquals(200, response.statusCode());
        URI document = response.request().uri();
        String server = Http.json(response).getJsonArray("servers").getJsonObject(0).getString("url");
        URI resolved = document.resolve(server);
        assertEquals("https", resolved.getScheme(), resolved::toString);
        assertEquals("localhost", resolved.getHost(), resolved::toString);
        assertEquals(8443, resolved.getPort(), resolved::toString);
        assertTrue(response.body().contains("\"/api/v1/opportunity-insights\""), "the action's path");
    }

    @Test
    void theRecordSummaryAnswersThroughTheProxy() throws Exception {
        HttpResponse<String> response = send("/api/v1/record-summary-insights?recordType=opportunity"
                + "&recordId=006Dn00000A1b2C&crmType=Salesforce&top=1", "GET", "Authorization",
                TestTokens.bearer(TestTokens.FABRIKAM));
        assertEquals(200, response.statusCode(), response::body);
        assertTrue(response.body().startsWith("{\"value\":[{\"title\":\"Fabrikam Insights\""), response::body);
        assertEquals(405, send("/api/v1/record-summary-insights", "POST").statusCode(), "GET only");
    }

    @Test
    void theEmailSummaryAndTheRecordDetailsAnswerThroughTheProxy() throws Exception {
        String fabrikam = TestTokens.bearer(TestTokens.FABRIKAM);
        String thread = "{\"resourceData\": {\"subject\": \"Renewal\", \"plaintextBody\": \"" + "Hello. ".repeat(2000)
                + "\"}, \"relatedEntities\": [{\"entityType\": \"opportunity\", \"entityId\": \"006Dn00000A1b2C\"}],"
                + " \"top\": 1}";
        HttpResponse<String> email = sendBody("/api/enhanceskills/email-insights-v2", "POST", thread,
                "Authorization", fabrikam, "Content-Type", "application/json");
        assertEquals(200, email.statusCode(), email::body);
        assertTrue(email.body().startsWith("{\"value\":[{\"insight\":\"Northwind asked"), email::body);
        HttpResponse<String> get = send("/api/enhanceskills/email-insights-v2", "GET", "Authorization", fabrikam);
        assertEquals(405, get.statusCode(), "POST only");
        assertEquals("POST", get.headers().firstValue("Allow").orElseThrow());
        HttpResponse<String> related = send("/api/v1/related-records?recordType=opportunity&recordId=006Dn00000A1b2C",
                "GET", "Authorization", fabrikam);
        assertEquals(200, related.statusCode(), related::body);
        assertTrue(related.body().startsWith("{\"value\":[{\"recordId\":\"Q-2026-0912\""), related::body);
        assertEquals(405, send("/api/v1/related-records", "POST").statusCode(), "GET only");
    }

    @Test
    void aRunawayCallerIsThrottledWithTheContractsBody() throws Exception {
        // a token of its own (its own jwt id): the limit counts per token, and a token another test of the same second
        // also used (errorsKeepTheContractsBodyThroughTheProxy) met 429 after this test had spent its allowance
        String token = "Bearer " + TestTokens.token(TestTokens.currentKey(), TestTokens.FABRIKAM,
                claims -> claims.jwtID(UUID.randomUUID().toString()));
        int throttled = 0;
        for (int call = 0; call < 60; call++) {
            HttpResponse<String> response = send("/api/v1/test-connection", "GET", "Authorization", token);
            if (response.statusCode() == 429) {
                throttled++;
                assertTrue(response.body().matches("\\{\"errorCode\":\"REQUEST_THROTTLED\",\"errorMessage\":\"Too many"
                        + " calls; retry after the seconds in Retry-After.\",\"activityId\":\"[0-9a-f]{32}\"}"), response::body);
                assertEquals("1", response.headers().firstValue("Retry-After").orElseThrow());
            } else {
                assertEquals(200, response.statusCode(), response::body);
            }
        }
        assertTrue(throttled > 0 && throttled < 60, "throttled " + throttled + " of 60");
        assertEquals(200, send("/api/v1/test-connection", "GET", "Authorization",
                TestTokens.bearer(TestTokens.CONTOSO)).statusCode(), "another sign-in is not held up");
    }

    @Test
    void spellingsOfOneTokenShareOneAllowance() throws Exception {
        String token = TestTokens.v2(TestTokens.ADATUM); // a sign-in of its own, not used by the other tests
        List<String> spellings = List.of("Bearer " + token, "bearer " + token, "BEARER " + token, "Bearer  " + token,
                "bEaReR   " + token);
        int throttled = 0;
        for (int call = 0; call < 60; call++) {
            // round robin: keyed on the header's text, each spelling had its own burst of 20, and none met 429
            HttpResponse<String> response = send("/api/v1/test-connection", "GET", "Authorization",
                    spellings.get(call % spellings.size()));
            if (response.statusCode() == 429) {
                throttled++;
            } else {
                assertEquals(200, response.statusCode(), () -> response.body());
            }
        }
        assertTrue(throttled > 0, "the spellings of one token were throttled " + throttled + " times of 60");
    }

    @Test
    void errorsKeepTheContractsBodyThroughTheProxy() throws Exception {
        HttpResponse<String> response = send("/api/v1/opportunity-insights?recordType=opportunity&top=1", "GET",
                "x-ms-client-request-id", "via-proxy-2", "Authorization", TestTokens.bearer(TestTokens.FABRIKAM));
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("\"activityId\":\"via-proxy-2\""), response.body());
        HttpResponse<String> unsigned = send(ACTION, "GET", "x-ms-client-request-id", "via-proxy-3");
        assertEquals(401, unsigned.statusCode(), unsigned::body);
        assertEquals("Bearer error=\"invalid_token\"", unsigned.headers().firstValue("WWW-Authenticate").orElseThrow());
        assertTrue(unsigned.body().contains("\"activityId\":\"via-proxy-3\""), unsigned.body());
    }

    @Test
    void largeTokensPassAndNginxsOwnRefusalsAreTheContractsBody() throws Exception {
        // HTTP/1.1, where nginx answers an over-large header itself (HTTP/2 may reset the stream instead)
        HttpClient http1 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .sslContext(client.sslContext()).build();
        String sixteenKilobytes = "Bearer " + "a".repeat(16 * 1024 - 8) + "b";
        HttpResponse<String> large = send(http1, ACTION, "GET", "Authorization", sixteenKilobytes);
        assertEquals(401, large.statusCode(), "a 16 KB token reaches the sign-in check: " + large.body());
        assertTrue(large.body().contains("INVALID_TOKEN_SPECIFIED"), large.body());

        HttpResponse<String> tooLarge = send(http1, ACTION, "GET", "Authorization", "Bearer " + "a".repeat(40_000));
        nginxContract(tooLarge, 431, "REQUEST_HEADER_FIELDS_TOO_LARGE");
        HttpResponse<String> longUrl = send(http1, ACTION + "&filler=" + "x".repeat(40_000), "GET");
        assertTrue(longUrl.statusCode() == 414 || longUrl.statusCode() == 431, longUrl::body);
        nginxContract(longUrl, longUrl.statusCode(), null);
        HttpRequest body = HttpRequest.newBuilder(URI.create("https://localhost:8443" + ACTION))
                .timeout(Duration.ofSeconds(10)).method("GET", HttpRequest.BodyPublishers.ofString("x".repeat(4_096)))
                .build();
        nginxContract(http1.send(body, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)), 413,
                "PAYLOAD_TOO_LARGE");
        // over HTTP/2 and chunked, where nginx does not mark the refused body discarded: the error page's location
        // must not refuse it again (with nginx's HTML page)
        nginxContract(client.send(body, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)), 413,
                "PAYLOAD_TOO_LARGE");
        nginxContract(send(http1, ACTION, "GET", HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(new byte[4_096]))), 413, "PAYLOAD_TOO_LARGE");
        // paths that Payara's own codec refuses with a bare 400 never reach it: nginx answers them itself
        for (String path : List.of("/api/v1/opportunity-insights%00", "/api/admin/v1/records/%ED%A0%80/insights",
                "/api/v1/%00/x", "/api/v1/opportunity-insights%5C", "/api/feed/v1/sources/%5C/insights/Q-1")) {
            HttpResponse<String> odd = send(http1, path, "GET");
            assertTrue(odd.statusCode() == 400 || odd.statusCode() == 404, path + ": " + odd.body());
            nginxContract(odd, odd.statusCode(), null);
        }
    }

    /** HTTP/1.1: nginx's early 413 is read as soon as it comes. */
    private static HttpClient http1() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(client.sslContext()).build();
    }

    private static void nginxContract(HttpResponse<String> response, int status, String errorCode) {
        assertEquals(status, response.statusCode(), response::body);
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                response::body);
        assertTrue(response.body().matches("\\{\"errorCode\":\"[A-Z_]+\",\"errorMessage\":\"[^\"]+\",\"activityId\":"
                + "\"[0-9a-f]{32}\"}"), response::body);
        if (errorCode != null) {
            assertTrue(response.body().contains("\"" + errorCode + "\""), response::body);
        }
    }

    @Test
    void onlyThePublicPathsAreExposed() throws Exception {
        for (String path : List.of("/health", "/health/ready", "/api/test-only/failure", "/api/v2/anything",
                "/api/admin/v1/tenants", "/api/admin/v1/export", "/api/demo/token", "/api/console/settings",
                "/console/", "/console/js/main.js", "/WEB-INF/web.xml", "/")) {
            HttpResponse<String> response = send(path, "GET");
            assertEquals(404, response.statusCode(), path);
            assertTrue(response.body().matches("\\{\"errorCode\":\"NOT_FOUND\",\"errorMessage\":\"Not Found.\","
                    + "\"activityId\":\"[0-9a-f]{32}\"}"), path + ": " + response.body());
        }
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH", "OPTIONS")) {
            HttpResponse<String> other = send("/api/v1/opportunity-insights", method);
            nginxContract(other, 405, "METHOD_NOT_ALLOWED");
            assertEquals("GET, HEAD", other.headers().firstValue("Allow").orElseThrow(), method);
        }
    }

    // ---- the feed API (issue 14): the partner's applications' writes, through the same proxy

    @Test
    void aFeedReachesTheApplicationThroughTheProxy() throws Exception {
        registerFeedTenant();
        String opportunity = UUID.randomUUID().toString();
        String path = "/api/feed/v1/sources/quotes/insights/Q-" + opportunity.substring(0, 8) + ":v~1@x+y=z";
        HttpResponse<String> created = sendBody(path, "PUT", feedItem(opportunity), "Authorization",
                app(FEED_TENANT, QUOTES_APP), "Content-Type", "application/json");
        assertEquals(201, created.statusCode(), created::body);
        assertEquals("\"1\"", created.headers().firstValue("ETag").orElseThrow());
        assertTrue(created.headers().firstValue("Location").orElseThrow().endsWith(path), created.headers()::toString);
        assertTrue(created.body().contains("\"recordId\":\"" + opportunity + "\""), created::body);
        HttpResponse<String> retried = sendBody(path, "PUT", feedItem(opportunity), "Authorization",
                app(FEED_TENANT, QUOTES_APP), "Content-Type", "application/json");
        assertEquals(200, retried.statusCode(), retried::body);
        assertEquals(created.body(), retried.body(), "the same answer: the body reached the application whole");

        HttpResponse<String> unlisted = sendBody(path, "PUT", feedItem(opportunity), "Authorization",
                app(FEED_TENANT, UUID.randomUUID().toString()), "Content-Type", "application/json",
                "x-ms-client-request-id", "via-proxy-feed-1");
        applications(unlisted, 403, "via-proxy-feed-1");
        assertEquals("INSUFFICIENT_PERMISSIONS", Http.json(unlisted).getString("errorCode"));

        HttpResponse<String> deleted = send(path + "?crmType=Dynamics%20365&crmOrgUrl=" + FEED_HOST, "DELETE",
                "Authorization", app(FEED_TENANT, QUOTES_APP));
        assertEquals(204, deleted.statusCode(), deleted::body);

        // records related to the opportunity: a snapshot of them, then one of them alone
        String crmRecord = "\"crmRecord\": {\"crmType\": \"Dynamics 365\", \"orgUrl\": \"" + FEED_HOST + "\","
                + " \"recordType\": \"opportunity\", \"recordId\": \"" + opportunity + "\"}";
        String contract = "\"recordType\": \"contract\", \"recordTypeDisplayName\": \"Contract\","
                + " \"recordTypePluralDisplayName\": \"Contracts\", \"recordTitle\": \"Master agreement\"";
        HttpResponse<String> synced = sendBody("/api/feed/v1/sources/contracts/related-records", "PUT", "{"
                + crmRecord + ", \"relatedRecords\": [{\"recordId\": \"CT-1\", " + contract + "}]}", "Authorization",
                app(FEED_TENANT, QUOTES_APP), "Content-Type", "application/json");
        assertEquals(200, synced.statusCode(), synced::body);
        assertEquals(1, Http.json(synced).getInt("created"), synced::body);
        HttpResponse<String> one = sendBody("/api/feed/v1/sources/contracts/related-records/CT-1", "PUT", "{"
                + crmRecord + ", " + contract + "}", "Authorization", app(FEED_TENANT, QUOTES_APP),
                "Content-Type", "application/json");
        assertEquals(200, one.statusCode(), one::body);
        assertEquals(Http.json(synced).getJsonArray("relatedRecords").get(0), Http.json(one), "already as fed");
        HttpResponse<String> unrelated = send("/api/feed/v1/sources/contracts/related-records/CT-1?crmType=Dynamics%20365"
                + "&crmOrgUrl=" + FEED_HOST + "&recordType=opportunity&recordId=" + opportunity, "DELETE",
                "Authorization", app(FEED_TENANT, QUOTES_APP));
        assertEquals(204, unrelated.statusCode(), unrelated::body);
    }

    @Test
    void theApplicationIsSentThePathNginxMatchedNotTheRequestsSpellingOfIt() throws Exception {
        // resolves to a feed path at nginx; as written, the application would read it as under /api/admin/
        HttpResponse<String> spelled = sendBody("/api/admin/v1/tenants/x%2F..%2F..%2F..%2F..%2Ffeed/v1/sources/quotes"
                + "/insights/Q-1", "PUT", "{}", "Authorization", TestTokens.bearer(TestTokens.PARTNER,
                        TestTokens.ADMIN_ROLE), "Content-Type", "application/json",
                "x-ms-client-request-id", "via-proxy-feed-2");
        applications(spelled, 403, "via-proxy-feed-2");
        assertTrue(Http.json(spelled).getString("errorMessage").startsWith("The feed API is for applications"),
                "the feed API answered, not the curators' API: " + spelled.body());
    }

    @Test
    void onlyTheFeedsPathsAndTheirMethodsPass() throws Exception {
        String insight = "/api/feed/v1/sources/quotes/insights/Q-1";
        Map<String, List<String>> refused = Map.of(
                insight, List.of("GET", "POST", "PATCH", "OPTIONS"),
                "/api/feed/v1/batches", List.of("GET", "PUT", "DELETE", "PATCH"),
                "/api/feed/v1/sources/quotes/snapshot", List.of("GET", "POST", "DELETE"),
                "/api/feed/v1/sources/contracts/related-records/CT-1", List.of("GET", "POST"),
                "/api/feed/v1/sources/contracts/related-records", List.of("GET", "POST", "DELETE"));
        Map<String, String> allowed = Map.of(insight, "PUT, DELETE", "/api/feed/v1/batches", "POST",
                "/api/feed/v1/sources/quotes/snapshot", "PUT",
                "/api/feed/v1/sources/contracts/related-records/CT-1", "PUT, DELETE",
                "/api/feed/v1/sources/contracts/related-records", "PUT");
        for (Map.Entry<String, List<String>> path : refused.entrySet()) {
            for (String method : path.getValue()) {
                HttpResponse<String> response = send(path.getKey(), method, "Authorization",
                        app(FEED_TENANT, QUOTES_APP));
                nginxContract(response, 405, "METHOD_NOT_ALLOWED");
                assertEquals(allowed.get(path.getKey()), response.headers().firstValue("Allow").orElseThrow(),
                        method + " " + path.getKey());
            }
        }
        HttpResponse<String> head = send(insight, "HEAD");
        assertEquals(405, head.statusCode());
        assertEquals("PUT, DELETE", head.headers().firstValue("Allow").orElseThrow());
        for (String path : List.of("/api/feed/", "/api/feed/v1/sources/quotes", "/api/feed/v1/sources/quotes/insights",
                insight + "/more", "/api/feed/v2/batches", "/api/feed/v1/batches/1", "/api/feed/v1/sources/a%20b/snapshot",
                "/api/feed/v1/sources/quotes/insights/a%2Fb", "/api/feed/v1/sources/quotes/insights/a;b")) {
            HttpResponse<String> response = send(path, "PUT", "Authorization", app(FEED_TENANT, QUOTES_APP));
            nginxContract(response, 404, "NOT_FOUND");
        }
    }

    @Test
    void batchesAndSnapshotsArePassedOnWithBodiesUpTo16Megabytes() throws Exception {
        // whatever the application answers (the feed's own refusal once the operation exists, 404 or 405 while it does
        // not), it is the application's: it echoes the activity id, and nginx neither refused the size nor the path
        String overTheSingleLimit = "{\"items\": [" + "{}, ".repeat(300_000) + "{}]}"; // 1.2 MB
        for (String[] call : List.of(new String[] {"POST", "/api/feed/v1/batches"},
                new String[] {"PUT", "/api/feed/v1/sources/quotes/snapshot?crmType=Dynamics%20365&crmOrgUrl=" + FEED_HOST})) {
            String activity = "via-proxy-feed-" + call[0];
            HttpResponse<String> passed = sendBody(call[1], call[0], overTheSingleLimit, "Authorization",
                    app(FEED_TENANT, UUID.randomUUID().toString()), "Content-Type", "application/json",
                    "x-ms-client-request-id", activity);
            applications(passed, passed.statusCode(), activity);
            assertTrue(passed.statusCode() != 413, call[1] + ": " + passed.body());

            byte[] over = new byte[16 * 1024 * 1024 + 1];
            HttpResponse<String> refused = send(http1(), call[1], call[0], HttpRequest.BodyPublishers.ofByteArray(over),
                    "Authorization", app(FEED_TENANT, UUID.randomUUID().toString()),
                    "Content-Type", "application/json");
            nginxContract(refused, 413, "PAYLOAD_TOO_LARGE");
        }
    }

    @Test
    void oneInsightsBodyIsLimitedTo64KilobytesInTheContractsBody() throws Exception {
        String path = "/api/feed/v1/sources/quotes/insights/Q-limit";
        String token = app(FEED_TENANT, UUID.randomUUID().toString()); // not listed: the application's 403
        String item = feedItem(UUID.randomUUID().toString());
        HttpResponse<String> atTheLimit = sendBody(path, "PUT", item + " ".repeat(64 * 1024 - item.length()),
                "Authorization", token, "Content-Type", "application/json", "x-ms-client-request-id", "via-proxy-feed-3");
        applications(atTheLimit, 403, "via-proxy-feed-3"); // read whole by the application (its limit is 64 KB too)
        // HTTP/1.1: Java 17's HTTP/2 client never returns nginx's early answer to a body larger than the stream's window
        // (curl does); over HTTP/2 the error page's body is checked with the reads' smaller limit
        nginxContract(send(http1(), path, "PUT", HttpRequest.BodyPublishers.ofString("x".repeat(64 * 1024 + 1)),
                "Authorization", token, "Content-Type", "application/json"), 413, "PAYLOAD_TOO_LARGE");
        // a stream: no Content-Length, so chunked; nginx finds the size while it reads
        nginxContract(send(http1(), path, "PUT", HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(new byte[80 * 1024])), "Authorization", token,
                "Content-Type", "application/json"), 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void aRunawayFeederIsThrottledWhileAnotherApplicationIsServed() throws Exception {
        String runaway = app(FEED_TENANT, UUID.randomUUID().toString()); // not listed: each call the application's 403
        String item = feedItem(UUID.randomUUID().toString());
        // at once, over one HTTP/2 connection: the burst of 40 is spent before the 20 a second refill much of it
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int call = 0; call < 60; call++) {
            calls.add(client.sendAsync(request("/api/feed/v1/sources/quotes/insights/Q-" + call, "PUT",
                    HttpRequest.BodyPublishers.ofString(item), "Authorization", runaway,
                    "Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        }
        int throttled = 0;
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            HttpResponse<String> response = call.get(30, TimeUnit.SECONDS);
            if (response.statusCode() == 429) {
                throttled++;
                nginxContract(response, 429, "REQUEST_THROTTLED");
                assertEquals("1", response.headers().firstValue("Retry-After").orElseThrow());
            } else {
                assertEquals(403, response.statusCode(), response::body);
            }
        }
        assertTrue(throttled > 0 && throttled <= 60 - 41, "throttled " + throttled + " of 60");
        HttpResponse<String> another = sendBody("/api/feed/v1/sources/quotes/insights/Q-other", "PUT", item,
                "Authorization", app(FEED_TENANT, UUID.randomUUID().toString()), "Content-Type", "application/json",
                "x-ms-client-request-id", "via-proxy-feed-4");
        applications(another, 403, "via-proxy-feed-4"); // another application's allowance is its own
    }

    /** Our feed tenant, listing the quote system, registered on the application directly (curators are internal). */
    private void registerFeedTenant() {
        if (feedTenantRegistered) {
            return;
        }
        HttpResponse<String> registered = Http.send(HttpRequest.newBuilder(URI.create(base.toString()).resolve(
                "api/admin/v1/tenants/" + FEED_TENANT)).header("Authorization", TestTokens.bearer(TestTokens.PARTNER,
                        TestTokens.ADMIN_ROLE)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"displayName\": \"Proxy feeds\", \"organizations\":"
                        + " [{\"crmType\": \"Dynamics 365\", \"orgUrl\": \"" + FEED_HOST + "\"}], \"feeders\":"
                        + " [{\"appId\": \"" + QUOTES_APP + "\", \"name\": \"Quote system\"}]}")).build());
        assertEquals(201, registered.statusCode(), registered::body);
        feedTenantRegistered = true;
    }

    private static String feedItem(String opportunity) {
        return "{\"crmType\": \"Dynamics 365\", \"crmOrgUrl\": \"https://" + FEED_HOST + "\", \"recordType\":"
                + " \"opportunity\", \"recordId\": \"" + opportunity + "\", \"title\": \"Quote sent\","
                + " \"description\": \"The quote went to procurement.\"}";
    }

    /** An app-only token of the application, issued in the tenant, with the feed role (as FeedsIT mints them). */
    private static String app(String tenant, String appId) {
        return "Bearer " + TestTokens.token(TestTokens.currentKey(), tenant, claims -> claims.claim("scp", null)
                .claim("roles", List.of("Insights.Feed")).claim("azp", appId).claim("idtyp", "app"));
    }

    /**
     * An answer of the application's, not nginx's: it echoes the request's x-ms-client-request-id, whatever its body
     * (a batch's answer lists results per item).
     */
    private static void applications(HttpResponse<String> response, int status, String activityId) {
        assertEquals(status, response.statusCode(), response::body);
        assertEquals(activityId, response.headers().firstValue("x-ms-client-request-id").orElse(null),
                () -> response.headers() + " " + response.body());
    }

    private static HttpResponse<String> send(String path, String method, String... headers)
            throws IOException, InterruptedException {
        return send(client, path, method, headers);
    }

    private static HttpResponse<String> send(HttpClient client, String path, String method, String... headers)
            throws IOException, InterruptedException {
        return send(client, path, method, HttpRequest.BodyPublishers.noBody(), headers);
    }

    private static HttpResponse<String> sendBody(String path, String method, String body, String... headers)
            throws IOException, InterruptedException {
        return send(client, path, method, HttpRequest.BodyPublishers.ofString(body), headers);
    }

    private static HttpResponse<String> send(HttpClient client, String path, String method,
            HttpRequest.BodyPublisher body, String... headers) throws IOException, InterruptedException {
        return client.send(request(path, method, body, headers).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpRequest.Builder request(String path, String method, HttpRequest.BodyPublisher body,
            String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://localhost:8443" + path))
                .timeout(Duration.ofSeconds(10)).method(method, body);
        if (headers.length > 0) {
            request.headers(headers);
        }
        return request;
    }

    /** Trusts exactly the test's own certificate (ClusterIT's nginx too). */
    static SSLContext trusting(Path certificate) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(certificate)) {
            trust.setCertificateEntry("nginx", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), () -> String.join(" ", command) + ": " + output);
    }

    private static String log(String name) {
        try {
            return Files.readString(prefix.resolve(name));
        } catch (IOException e) {
            return "(no " + name + ")";
        }
    }
}
