package org.salesinsights.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Property-based requests for every public, admin and feed operation, from what a careless client, a broken feeder or
 * an attacker sends:
 * adversarial text (astral, combining, right-to-left, control characters, lone surrogates, invalid UTF-8), extreme
 * numbers, dates and offsets, deep and wide JSON, repeated parameters, odd and duplicate media types, long headers
 * and URLs; for the feed API also odd sources and external ids in the path, items that are not objects, bodies that
 * are not UTF-8 or over the limit, and the tokens of applications that may not feed. Every answer is a success or the
 * contract's error body with a client status; never a 5xx; a well-formed batch of the listed feeder is a 200 with a
 * result per item, however bad its items. The seeds are
 * fixed, so CI replays the same requests; jqwik shrinks a failure to its smallest request, which then becomes a plain
 * regression test in {@code ClientMistakesIT}. The server is the README's Payara Micro (MicroProcess): on H2, and on
 * PostgreSQL in the postgresql profile.
 */
@Tag("own-payara-micro") // starts the README's Payara Micro itself, whatever the server under test: not on WildFly
class FuzzIT {

    static final String CONTOSO = "c07050c0-0000-4000-a000-000000000001";
    /** Statuses a client's request may get; 503 only when the database is away, which it is not here. */
    static final Set<Integer> CLIENT_ERRORS = Set.of(400, 401, 403, 404, 405, 406, 409, 412, 413, 415, 428, 429, 431);
    static final AtomicInteger REQUESTS = new AtomicInteger();
    /** docs/feeds.md: a batch holds 1 to 1,000 items, a snapshot up to 10,000. */
    static final int BATCH_ITEMS = 1_000;
    static final int SNAPSHOT_ITEMS = 10_000;

    static MicroProcess server;
    static String curator;
    static String seller;
    /** The application the demo data lists among Contoso's feeders. */
    static final String FEEDER_APP = "a7c1e000-0000-4000-a000-000000000001";
    static final String FABRIKAM = "fab00000-0000-4000-a000-000000000002";
    /** Its app-only token, issued in Contoso: it may feed Contoso's organization. */
    static String feeder;
    /** An application no tenant lists, and the listed one's token from a tenant that does not list it. */
    static String strangerApp;
    static String foreignFeeder;
    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeContainer
    static void start() throws Exception {
        String adminUrl = System.getProperty("insights.it.postgres.adminUrl");
        if (adminUrl != null) {
            try (Connection admin = DriverManager.getConnection(adminUrl); Statement sql = admin.createStatement()) {
                sql.execute("DROP DATABASE IF EXISTS insights_fuzz_it WITH (FORCE)");
                sql.execute("CREATE DATABASE insights_fuzz_it");
            }
            server = MicroProcess.onPostgres("insights_fuzz_it", "fuzz-postgres").start();
        } else {
            Path data = Files.createTempDirectory("insights-fuzz");
            server = MicroProcess.onH2(data, "fuzz-h2").start();
        }
        curator = server.token(MicroProcess.PARTNER, "Insights.Admin");
        seller = server.token(CONTOSO);
        feeder = server.appToken(CONTOSO, FEEDER_APP);
        strangerApp = server.appToken(CONTOSO, "a7c1e000-0000-4000-a000-0000000000ff");
        foreignFeeder = server.appToken(FABRIKAM, FEEDER_APP);
    }

    @AfterContainer
    static void stop() {
        System.out.println("FuzzIT: " + REQUESTS.get() + " requests, none answered 5xx");
        if (server != null) {
            server.stop();
        }
    }

    // ---- the read actions and the other public paths

    @Property(tries = 400, seed = "20261201")
    void publicReadsNeverFail(@ForAll("publicPaths") String path, @ForAll("queries") String query,
            @ForAll("callers") String caller, @ForAll("acceptHeaders") String accept,
            @ForAll("nasty") String language) {
        List<String> headers = new ArrayList<>(List.of("Accept", accept, "Accept-Language", headerSafe(language)));
        if (!caller.isEmpty()) {
            headers.addAll(List.of("Authorization", caller));
        }
        check(request("GET", path + "?" + query, null, headers));
    }

    // ---- the curators' operations, with generated bodies and media types

    @Property(tries = 500, seed = "20261202")
    void adminWritesNeverFail(@ForAll("adminWrites") String operation, @ForAll("bodies") String body,
            @ForAll("contentTypes") List<String> contentTypes, @ForAll("ifMatch") String ifMatch) {
        String[] parts = operation.split(" ", 2);
        List<String> headers = new ArrayList<>(List.of("Authorization", curator));
        for (String type : contentTypes) {
            headers.addAll(List.of("Content-Type", type));
        }
        if (!ifMatch.isEmpty()) {
            headers.addAll(List.of("If-Match", ifMatch));
        }
        check(request(parts[0], parts[1], body, headers));
    }

    @Property(tries = 300, seed = "20261203")
    void adminReadsAndPathsNeverFail(@ForAll("adminReads") String operation, @ForAll("ids") String id,
            @ForAll("queries") String query, @ForAll("acceptHeaders") String accept,
            @ForAll("callers") String caller) {
        String[] parts = operation.split(" ", 2);
        List<String> headers = new ArrayList<>(List.of("Accept", accept,
                "Authorization", caller.isEmpty() ? curator : caller));
        check(request(parts[0], parts[1].replace("{id}", id) + "?" + query, null, headers));
    }

    @Property(tries = 60, seed = "20261204")
    void longHeadersAndUrlsAreRefusedInTheContract(@ForAll("lengths") int length, @ForAll("publicPaths") String path,
            @ForAll("headerNames") String header) {
        String filler = "a".repeat(length);
        List<String> headers = new ArrayList<>(List.of("Authorization", seller));
        if (header.equals("url")) {
            check(request("GET", path + "?recordType=opportunity&recordId=" + filler, null, headers));
        } else {
            headers.addAll(List.of(header, filler));
            check(request("GET", path + "?recordType=opportunity&recordId=x", null, headers));
        }
    }

    // ---- the feed API

    @Property(tries = 300, seed = "20261205")
    void feedsOfOneInsightNeverFail(@ForAll("feedMethods") String method, @ForAll("feedNames") String source,
            @ForAll("feedNames") String externalId, @ForAll("feedItems") String body,
            @ForAll("feedQueries") String query, @ForAll("feedCallers") String caller,
            @ForAll("feedContentTypes") String contentType) {
        String path = "api/feed/v1/sources/" + source + "/insights/" + externalId;
        if (method.equals("DELETE")) {
            check(request(method, path + "?" + query, null, feedHeaders(caller, "")));
        } else {
            check(request(method, path, body, feedHeaders(caller, contentType)));
        }
    }

    @Property(tries = 250, seed = "20261206")
    void feedBatchesNeverFailAndAnswerEveryItem(@ForAll("batches") String body, @ForAll("feedCallers") String caller,
            @ForAll("feedContentTypes") String contentType) {
        HttpResponse<String> answer = check(request("POST", "api/feed/v1/batches", body,
                feedHeaders(caller, contentType)));
        int items = itemsSent(body, BATCH_ITEMS);
        if (caller.equals(feeder) && contentType.equals("application/json") && items > 0) {
            // a well-formed batch of a listed application: its items' problems are their own results, never the batch's
            assertResultPerItem(answer, items);
        }
    }

    @Property(tries = 200, seed = "20261207")
    void feedSnapshotsNeverFail(@ForAll("snapshotSources") String source, @ForAll("snapshots") String body,
            @ForAll("feedCallers") String caller, @ForAll("feedContentTypes") String contentType) {
        HttpResponse<String> answer = check(request("PUT", "api/feed/v1/sources/" + source + "/snapshot", body,
                feedHeaders(caller, contentType)));
        if (answer.statusCode() == 200) {
            assertResultPerItem(answer, itemsSent(body, SNAPSHOT_ITEMS));
        }
    }

    /** NUL bytes and bytes that are not UTF-8, in and around otherwise good bodies: never read as anything but 400. */
    @Property(tries = 80, seed = "20261208")
    void feedBodiesThatAreNotUtf8TextNeverFail(@ForAll("feedWrites") String operation,
            @ForAll("rawBodies") byte[] body, @ForAll("feedCallers") String caller) {
        String[] parts = operation.split(" ", 2);
        check(send(parts[0], parts[1], HttpRequest.BodyPublishers.ofByteArray(body),
                feedHeaders(caller, "application/json")));
    }

    /**
     * A body one byte over its operation's limit, declared by Content-Length or sent chunked without it: 413 in the
     * contract's body for the listed feeder, the token's refusal for anyone else; the rest of the body is not needed.
     */
    @Example
    void feedBodiesOverTheLimitAreRefusedInTheContract() {
        Map<String, Integer> limits = Map.of("PUT api/feed/v1/sources/fuzz/insights/F-1", 64 * 1024,
                "POST api/feed/v1/batches", 16 * 1024 * 1024,
                "PUT api/feed/v1/sources/fuzz/snapshot", 16 * 1024 * 1024);
        for (Map.Entry<String, Integer> limit : limits.entrySet()) {
            String[] parts = limit.getKey().split(" ", 2);
            byte[] body = paddedObject(limit.getValue() + 1);
            for (boolean chunked : new boolean[] {false, true}) {
                HttpRequest.BodyPublisher publisher = chunked
                        ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                        : HttpRequest.BodyPublishers.ofByteArray(body);
                HttpResponse<String> tooLarge = check(send(parts[0], parts[1], publisher,
                        feedHeaders(feeder, "application/json")));
                assertEquals(413, tooLarge.statusCode(), () -> limit.getKey() + (chunked ? " chunked" : ""));
                assertEquals("PAYLOAD_TOO_LARGE", Http.json(tooLarge).getString("errorCode"));
                HttpResponse<String> stranger = check(send(parts[0], parts[1], publisher,
                        feedHeaders(strangerApp, "application/json")));
                assertTrue(stranger.statusCode() == 403 || stranger.statusCode() == 413, stranger::body);
            }
        }
    }

    // ---- what every answer must be

    static HttpResponse<String> check(HttpResponse<String> response) {
        REQUESTS.incrementAndGet();
        int status = response.statusCode();
        String where = response.request().method() + " " + abbreviated(response.request().uri().toString())
                + " -> " + status + " " + abbreviated(response.body());
        assertTrue(status < 500, where);
        if (status == 400 && response.body().isEmpty() && codecRefusesPath(response.request().uri().getRawPath())) {
            // Payara's HTTP codec refuses a path whose escapes decode to a NUL, a backslash (Grizzly's URI
            // normalization allows none, a constant) or bytes that are not UTF-8 before any application code (an
            // empty 400, no header of ours); nginx in front answers such a path itself, in the contract's body.
            // Known, docs/api.md.
            return response;
        }
        if (status >= 400 && !response.request().method().equals("HEAD")) { // a HEAD answer has no body to check
            assertTrue(CLIENT_ERRORS.contains(status), where);
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                    () -> where + " (Content-Type " + response.headers().firstValue("Content-Type") + ")");
            JsonObject error;
            try (var reader = Json.createReader(new StringReader(response.body()))) {
                error = reader.readObject();
            } catch (RuntimeException e) {
                throw new AssertionError("not the contract's error body: " + where, e);
            }
            assertTrue(error.get("errorCode") instanceof jakarta.json.JsonString, where);
            assertTrue(error.get("activityId") instanceof jakarta.json.JsonString s && !s.getString().isBlank(), where);
            assertFalse(response.body().contains("Exception"), where);
        }
        return response;
    }

    /** A batch's or snapshot's 200: counts, then a result per item sent, each a success or a refusal with its error. */
    static void assertResultPerItem(HttpResponse<String> answer, int sent) {
        String where = answer.request().method() + " " + abbreviated(answer.request().uri().toString()) + " -> "
                + answer.statusCode() + " " + abbreviated(answer.body());
        assertEquals(200, answer.statusCode(), where);
        JsonObject results = Http.json(answer);
        List<JsonObject> items = results.getJsonArray("results").getValuesAs(JsonObject.class);
        if (sent >= 0) {
            assertEquals(sent, items.size(), where);
        }
        int counted = 0;
        for (String outcome : List.of("created", "replaced", "unchanged", "absent", "refused")) {
            counted += results.getInt(outcome);
        }
        assertTrue(counted <= items.size() && counted + results.getInt("deleted") >= items.size(), where);
        for (int i = 0; i < items.size(); i++) {
            JsonObject item = items.get(i);
            assertEquals(i, item.getInt("index"), where);
            int status = item.getInt("status");
            if (item.getString("outcome").equals("refused")) {
                assertTrue(status >= 400 && status < 500, where);
                JsonObject error = item.getJsonObject("error");
                assertTrue(error.get("errorCode") instanceof jakarta.json.JsonString
                        && error.get("errorMessage") instanceof jakarta.json.JsonString, where);
            } else {
                assertTrue(Set.of(200, 201, 204).contains(status), where);
            }
        }
    }

    /**
     * How many items the body's {@code items} array holds when the body is an object this client reads and within the
     * limits of depth and count (1 to {@code max}), or -1: the server must then answer item by item.
     */
    static int itemsSent(String body, int max) {
        try {
            if (depth(body) > 32) { // the server's limit of nesting (JsonBodies): the whole body is then a 400
                return -1;
            }
            try (var reader = Json.createReader(new StringReader(body))) {
                JsonObject json = reader.readObject();
                jakarta.json.JsonValue items = json.get("items");
                boolean onlyItems = max != BATCH_ITEMS || json.keySet().equals(Set.of("items"));
                return onlyItems && items instanceof jakarta.json.JsonArray array && !array.isEmpty()
                        && array.size() <= max ? array.size() : -1;
            }
        } catch (RuntimeException notReadable) {
            return -1;
        }
    }

    /** How deep the arrays and objects of a JSON text nest, strings skipped. */
    static int depth(String json) {
        int depth = 0;
        int deepest = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                deepest = Math.max(deepest, ++depth);
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return deepest;
    }

    private static List<String> feedHeaders(String caller, String contentType) {
        List<String> headers = new ArrayList<>();
        if (!caller.isEmpty()) {
            headers.addAll(List.of("Authorization", caller));
        }
        if (!contentType.isEmpty()) {
            headers.addAll(List.of("Content-Type", contentType));
        }
        return headers;
    }

    /** A JSON object of exactly {@code size} bytes: one long title. */
    private static byte[] paddedObject(int size) {
        String start = "{\"title\": \"";
        String end = "\"}";
        return (start + "a".repeat(size - start.length() - end.length()) + end).getBytes(StandardCharsets.UTF_8);
    }

    /** Whether the path's percent-escapes decode to a NUL, a backslash or bytes that are not UTF-8. */
    static boolean codecRefusesPath(String rawPath) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == '%' && i + 2 < rawPath.length()) {
                bytes.write(Integer.parseInt(rawPath.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        byte[] decoded = bytes.toByteArray();
        for (byte b : decoded) {
            if (b == 0 || b == '\\') {
                return true;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(decoded));
            return false;
        } catch (java.nio.charset.CharacterCodingException e) {
            return true;
        }
    }

    static HttpResponse<String> request(String method, String pathAndQuery, String body, List<String> headers) {
        return send(method, pathAndQuery, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8), headers);
    }

    static HttpResponse<String> send(String method, String pathAndQuery, HttpRequest.BodyPublisher body,
            List<String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.uri("").toString() + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .method(method, body);
        for (int i = 0; i + 1 < headers.size(); i += 2) {
            request.header(headers.get(i), headers.get(i + 1));
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + abbreviated(pathAndQuery), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviated(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "...(" + text.length() + ")" : text;
    }

    /** Header values are ASCII without CR/LF on the wire: anything else as its UTF-8 bytes read as Latin-1. */
    static String headerSafe(String value) {
        String bytes = new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        StringBuilder safe = new StringBuilder();
        bytes.chars().filter(c -> c >= 0x20 && c != 0x7f && c < 0x7f).forEach(c -> safe.append((char) c));
        return safe.toString();
    }

    // ---- the generators

    @Provide
    Arbitrary<String> publicPaths() {
        return Arbitraries.of("api/v1/opportunity-insights", "api/v1/record-summary-insights",
                "api/v1/test-connection", "openapi", "health/ready", "api/demo/token", "api/v1/nothing-here",
                "api/v1//opportunity-insights", "api/v1/opportunity-insights;x=1", "api/v1/%2e%2e/admin/v1/tenants");
    }

    @Provide
    Arbitrary<String> adminWrites() {
        return Arbitraries.of("POST api/admin/v1/records", "POST api/admin/v1/records/101/insights",
                "PUT api/admin/v1/insights/2", "PUT api/admin/v1/insights/2/translations/de",
                "PUT api/admin/v1/insights/2/translations/x-%F0%9F%98%80", "PUT api/admin/v1/records/101/order",
                "PUT api/admin/v1/tenants/0fa20000-0000-4000-a000-000000000001", "POST api/admin/v1/import",
                "PUT api/admin/v1/tenants/not-a-guid", "DELETE api/admin/v1/insights/5", "PATCH api/admin/v1/insights/2",
                "POST api/v1/opportunity-insights");
    }

    @Provide
    Arbitrary<String> adminReads() {
        return Arbitraries.of("GET api/admin/v1/records", "GET api/admin/v1/records/{id}/insights",
                "GET api/admin/v1/insights/{id}", "GET api/admin/v1/insights/{id}/history",
                "GET api/admin/v1/records/{id}/preview", "GET api/admin/v1/export", "GET api/admin/v1/tenants",
                "GET api/admin/v1/tenants/{id}", "DELETE api/admin/v1/tenants/{id}",
                "DELETE api/admin/v1/insights/{id}/translations/{id}", "OPTIONS api/admin/v1/insights/{id}",
                "HEAD api/admin/v1/records/{id}/insights");
    }

    @Provide
    Arbitrary<String> ids() {
        return Arbitraries.oneOf(Arbitraries.of("1", "101", "0", "-1", "99999999999999999999", "1e9", "0x10",
                        "%2F..%2F..", "..", "%00", "%ED%A0%80", "%FF", "ada70000-0000-4000-a000-000000000003",
                        "%20", "1;x=y", "9223372036854775807", "-9223372036854775808"),
                Arbitraries.longs().map(String::valueOf));
    }

    @Provide
    Arbitrary<String> callers() {
        return Arbitraries.of("", "Bearer", "Bearer ", "bearer x.y.z", "Basic dXNlcjpwYXNz", "Bearer \u00ff\u00fe",
                "SELLER", "SELLER", "CURATOR").map(c -> switch (c) {
                    case "SELLER" -> seller;
                    case "CURATOR" -> curator;
                    default -> c;
                });
    }

    @Provide
    Arbitrary<String> acceptHeaders() {
        return Arbitraries.of("application/json", "*/*", "text/html", "application/xml", ";;;;", "application/",
                "/json", "application/json; q=abc", "application/json;q=0", "text/csv", "*/json", "a/b/c",
                "application/json, text/csv;q=0.5", "application/json; charset=utf-7", "\u00e9/\u00e9");
    }

    @Provide
    Arbitrary<List<String>> contentTypes() {
        Arbitrary<String> one = Arbitraries.of("application/json", "application/json; charset=UTF-8", "text/csv",
                "text/plain", "application/xml", "application/json; charset=utf-7", ";;", "application/",
                "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "*/*", "application/json;;",
                "text/csv; charset=latin1", "application/merge-patch+json");
        return one.list().ofMinSize(0).ofMaxSize(2);
    }

    @Provide
    Arbitrary<String> ifMatch() {
        return Arbitraries.of("", "\"1\"", "\"2\"", "*", "W/\"1\"", "\"99999999999999999999\"", "\"-1\"", "1",
                "\"\"", "\"1\", \"2\"");
    }

    @Provide
    Arbitrary<Integer> lengths() {
        // within the listener's own limit (192 KB on Payara, server-config/payara): past it, the server's HTTP codec
        // refuses the request before any application code; nginx in front answers those 431 (ReverseProxyIT)
        return Arbitraries.of(7_000, 8_200, 12_000, 16_000, 17_000, 33_000, 100_000);
    }

    @Provide
    Arbitrary<String> headerNames() {
        return Arbitraries.of("url", "Authorization", "X-Filler", "Accept-Language", "x-ms-client-request-id");
    }

    /** A query string: known and unknown names, repeated ones, values encoded or as raw (invalid) bytes. */
    @Provide
    Arbitrary<String> queries() {
        Arbitrary<String> name = Arbitraries.of("recordType", "recordId", "crmType", "crmOrgUrl", "top", "skip",
                "startDateTime", "endDateTime", "tenantId", "role", "orgUrl", "unknown", "top", "recordId");
        Arbitrary<String> value = Arbitraries.oneOf(nasty().map(v -> URLEncoder.encode(v, StandardCharsets.UTF_8)),
                Arbitraries.of("%ED%A0%80", "%FF%FE", "%C0%AF", "%25", "%00", "opportunity", "Dynamics%20365",
                        "d1c6a4e2-5f3b-4c8e-9a7d-2b1e0f6c3a91", "contoso.crm.dynamics.com", "5", "0"));
        return Combinators.combine(name, value).as((n, v) -> n + "=" + v).list().ofMaxSize(8)
                .map(pairs -> String.join("&", pairs));
    }

    /** Text a careless client or an attacker sends. */
    @Provide
    Arbitrary<String> nasty() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.strings().all().ofMaxLength(40)),
                net.jqwik.api.Tuple.of(2, Arbitraries.strings().withChars("e\u0301\u0302\u0303\u202e\u200f\u05d0"
                        + "\u0627\ud83c\uddf3\ud83d\udc68\u200d\ud83d\udc69\u0000\u001f\u007f\u2028\ufeff")
                        .ofMaxLength(300)),
                net.jqwik.api.Tuple.of(4, Arbitraries.of("", " ", "\ud800", "\udfff x", "a\u0000b",
                        "+999999999-12-31T23:59:59-18:00", "-999999999-01-01T00:00:00+18:00",
                        "9999-12-31T23:59:59.9999999Z", "0000-01-01T00:00:00Z", "2026-02-30T00:00:00Z",
                        "1e999999999", "-1e-999999999", "99999999999999999999999", "-0", "NaN", "Infinity",
                        "0x7fffffff", "2147483648", "-2147483649", "9223372036854775808",
                        "\ud83c\udde9\ud83c\uddea".repeat(15), "e\u0301".repeat(200), "\u202eevil", "../../etc/passwd",
                        "<script>alert(1)</script>", "=cmd|' /C calc'!A0", "'; DROP TABLE insight; --",
                        "a".repeat(5_000), "Dynamics 365", "SALESFORCE", "https://contoso.crm.dynamics.com/",
                        "https://user:pass@host:99999/", "de-AT", "*", "x-\ud83d\ude00", "en;q=0.5, *;q=0")));
    }

    /** Request bodies: generated JSON documents with nasty leaves, deep and wide JSON, files, plain garbage. */
    @Provide
    Arbitrary<String> bodies() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, insightLike()),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(900, 5_000)
                        .map(depth -> "[".repeat(depth) + "]".repeat(depth))),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(900, 5_000)
                        .map(depth -> "{\"a\":".repeat(depth) + "1" + "}".repeat(depth))),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1_000, 20_000).map(FuzzIT::wideObject)),
                net.jqwik.api.Tuple.of(2, nasty()),
                net.jqwik.api.Tuple.of(2, insightLike().map(i -> "{\"insights\": [" + i + ", 1, \"x\", null]}")),
                net.jqwik.api.Tuple.of(1, nasty().map(v -> "crmType,orgUrl,recordType,recordId,key,title,description\n"
                        + "Dynamics 365,contoso.crm.dynamics.com,lead,3c59dc04-8a1e-4b2f-9d6c-7e5f4a3b2c10,k,"
                        + v.replace("\"", "\"\"") + ",\"" + v.replace("\"", "\"\"") + "\"\n")),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("", "null", "[]", "\"text\"", "{", "{}}", "{\"a\":1,\"a\":2}",
                        "\u0000", "{\"title\": \"\\ud800\", \"description\": \"\\udfff\"}")));
    }

    private static String wideObject(int width) {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < width; i++) {
            json.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
        }
        return json.append('}').toString();
    }

    /** An insight, tenant, record or order document whose values are anything JSON can hold. */
    private Arbitrary<String> insightLike() {
        Arbitrary<String> field = Arbitraries.of("title", "description", "url", "dateTime", "visibleFrom",
                "visibleUntil", "pinned", "priority", "language", "key", "additionalProperties", "displayName",
                "organizations", "crmType", "orgUrl", "recordType", "recordId", "insightIds", "translations",
                "unknown");
        Arbitrary<String> leaf = Arbitraries.oneOf(
                nasty().map(FuzzIT::jsonString),
                Arbitraries.of("1e999999999", "-1e999999999", "1e-999999999", "99999999999999999999999999", "-0",
                        "0.5", "1000", "-1001", "true", "null", "[]", "{}", "\"\\ud800\"", "\"a\\u0000b\"",
                        "[1, \"x\", null]", "{\"Owner\": \"\\ud83d\"}", "{\"\": \"x\"}",
                        "[{\"crmType\": \"Dynamics 365\", \"orgUrl\": \"\\ud800.example.com\"}]",
                        "\"+999999999-12-31T23:59:59-18:00\"", "\"-999999999-01-01T00:00:00+18:00\"",
                        "\"99999-01-01T00:00:00Z\"", "\"0001-01-01T00:00:00+18:00\"", "[2, 1, 2]",
                        "{\"de\": {\"title\": \"\\udfff\", \"description\": 1}}"));
        return Combinators.combine(field, leaf).as((f, v) -> "\"" + f + "\": " + v).list().ofMaxSize(10)
                .map(members -> "{" + String.join(", ", members) + "}");
    }

    static String jsonString(String text) {
        return Json.createValue(text).toString();
    }

    // ---- the feed API's generators

    @Provide
    Arbitrary<String> feedMethods() {
        return Arbitraries.of("PUT", "PUT", "PUT", "DELETE", "DELETE", "POST", "PATCH");
    }

    /** A path segment for a source or an external id, as sent: good names, odd text escaped, raw escapes, long ones. */
    @Provide
    Arbitrary<String> feedNames() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, Arbitraries.of("fuzz", "F-1", "F-2", "quotes", "a.b_c-d", "Q:1~2@3+4=5",
                        "QUOTES", "0")),
                net.jqwik.api.Tuple.of(3, nasty().map(FuzzIT::pathSegment)),
                net.jqwik.api.Tuple.of(2, Arbitraries.of("", "%2F", "a%2Fb", "%2e%2e", "..", ".", "%00", "a%00b",
                        "%ED%A0%80", "%FF", "%C0%AF", "a;b=c", "%3B", "%25", "%2525", "%20", "a%20b", "%E2%80%AE",
                        "-leading", "_x", "%F0%9F%98%80", "Q%0A1", "Q%0D%0A1", "a+b", "%2B", "~", "@", "%40%3A",
                        "%C3%A9", "e%CC%81", "%EF%BB%BF", "%7B%7D", "%22", "%5C")),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(64, 65, 200, 201, 2_000, 20_000).map("a"::repeat)));
    }

    @Provide
    Arbitrary<String> snapshotSources() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, Arbitraries.of("fuzz", "fuzz-snapshots")),
                net.jqwik.api.Tuple.of(1, feedNames()));
    }

    /** A deletion's query: its organization's names, unknown and repeated ones, values encoded or raw. */
    @Provide
    Arbitrary<String> feedQueries() {
        Arbitrary<String> name = Arbitraries.of("crmType", "crmOrgUrl", "crmType", "crmOrgUrl", "recordId",
                "unknown", "CRMTYPE", "crmOrgUrl[]", "");
        Arbitrary<String> value = Arbitraries.oneOf(nasty().map(v -> URLEncoder.encode(v, StandardCharsets.UTF_8)),
                Arbitraries.of("Dynamics%20365", "Dynamics+365", "Salesforce", "contoso.crm.dynamics.com",
                        "https%3A%2F%2Fcontoso.crm.dynamics.com%2F", "fabrikam.my.salesforce.com", "%ED%A0%80",
                        "%FF%FE", "%C0%AF", "%25", "%00", "", "contoso.crm.dynamics.com%00", "a".repeat(3_000)));
        Arbitrary<String> good = Arbitraries.just("crmType=Dynamics%20365&crmOrgUrl=contoso.crm.dynamics.com");
        Arbitrary<String> odd = Combinators.combine(name, value).as((n, v) -> n + "=" + v).list().ofMaxSize(6)
                .map(pairs -> String.join("&", pairs));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, good), net.jqwik.api.Tuple.of(3, odd),
                net.jqwik.api.Tuple.of(1, Combinators.combine(good, odd).as((g, o) -> g + "&" + o)));
    }

    @Provide
    Arbitrary<String> feedCallers() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(10, Arbitraries.just("FEEDER")),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("", "Bearer", "Bearer x.y.z", "Basic dXNlcjpwYXNz",
                        "Bearer \u00ff\u00fe", "STRANGER", "FOREIGN", "SELLER", "CURATOR", "TAMPERED", "LONG")))
                .map(c -> switch (c) {
                    case "FEEDER" -> feeder;
                    case "STRANGER" -> strangerApp;
                    case "FOREIGN" -> foreignFeeder;
                    case "SELLER" -> seller;
                    case "CURATOR" -> curator;
                    // the listed feeder's token with one character of its signature changed
                    case "TAMPERED" -> feeder.substring(0, feeder.length() - 10)
                            + (feeder.charAt(feeder.length() - 10) == 'A' ? 'B' : 'A')
                            + feeder.substring(feeder.length() - 9);
                    case "LONG" -> feeder + "a".repeat(20_000);
                    default -> c;
                });
    }

    @Provide
    Arbitrary<String> feedContentTypes() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(12, Arbitraries.just("application/json")),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("", "application/json; charset=UTF-8", "text/plain",
                        "application/json; charset=latin1", "application/x-www-form-urlencoded",
                        "multipart/form-data; boundary=x", "application/merge-patch+json", ";;", "application/",
                        "*/*")));
    }

    @Provide
    Arbitrary<String> feedWrites() {
        return Arbitraries.of("PUT api/feed/v1/sources/fuzz/insights/F-1", "POST api/feed/v1/batches",
                "PUT api/feed/v1/sources/fuzz/snapshot");
    }

    /** A single PUT's body: mostly a good insight with a few fields made odd, removed or added; or no insight. */
    @Provide
    Arbitrary<String> feedItems() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, feedObject(goodItem(), FEED_FIELDS)),
                net.jqwik.api.Tuple.of(1, oddBodies()));
    }

    /** A batch: mostly {"items": [...]} of puts, deletions and things that are not items; or no batch at all. */
    @Provide
    Arbitrary<String> batches() {
        Arbitrary<String> put = Arbitraries.of("F-1", "F-2", "F-3", "F-4", "F-5").flatMap(externalId -> {
            Map<String, String> item = goodItem();
            item.put("action", "\"put\"");
            item.put("source", "\"fuzz\"");
            item.put("externalId", "\"" + externalId + "\"");
            return feedObject(item, FEED_FIELDS);
        });
        Arbitrary<String> delete = Arbitraries.of("F-1", "F-2", "F-6").flatMap(externalId -> {
            Map<String, String> item = new LinkedHashMap<>();
            item.put("action", "\"delete\"");
            item.put("source", "\"fuzz\"");
            item.put("externalId", "\"" + externalId + "\"");
            item.put("crmType", "\"Dynamics 365\"");
            item.put("crmOrgUrl", "\"contoso.crm.dynamics.com\"");
            return feedObject(item, FEED_FIELDS);
        });
        Arbitrary<String> notAnItem = Arbitraries.of("1", "\"x\"", "null", "[]", "[{}]", "true", "{}", "-0",
                "1e9999999999", "\"\\ud800\"", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]");
        Arbitrary<String> item = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, put),
                net.jqwik.api.Tuple.of(2, delete), net.jqwik.api.Tuple.of(1, notAnItem));
        Arbitrary<String> items = item.list().ofMinSize(1).ofMaxSize(12).map(list -> String.join(", ", list));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, items.map(list -> "{\"items\": [" + list + "]}")),
                net.jqwik.api.Tuple.of(1, Combinators.combine(items, feedLeaves())
                        .as((list, extra) -> "{\"items\": [" + list + "], \"extra\": " + extra + "}")),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("{\"items\": []}", "{\"items\": {}}", "{\"items\": null}",
                        "{\"items\": \"[]\"}", "{}", "[]", "{\"Items\": [{}]}",
                        "{\"items\": [" + String.join(",", java.util.Collections.nCopies(1_001, "{}")) + "]}")),
                net.jqwik.api.Tuple.of(1, oddBodies()));
    }

    /** A snapshot of one record or of the whole organization, its scope and items made odd here and there. */
    @Provide
    Arbitrary<String> snapshots() {
        // each item its own external id (a snapshot names each insight once; a changed field may still repeat one)
        Map<String, String> recordItem = new LinkedHashMap<>();
        recordItem.put("externalId", SNAPSHOT_ID);
        recordItem.put("title", "\"Fuzzed\"");
        recordItem.put("description", "\"A fuzzed snapshot item.\"");
        Arbitrary<String> ofRecord = feedObject(recordItem, FEED_FIELDS, 24); // one problem refuses all: mostly good
        Map<String, String> organizationItem = goodItem();
        organizationItem.remove("crmType");
        organizationItem.remove("crmOrgUrl");
        organizationItem.put("externalId", SNAPSHOT_ID);
        Arbitrary<String> ofOrganization = feedObject(organizationItem, FEED_FIELDS, 24);
        Arbitrary<String> notAnItem = Arbitraries.of("1", "null", "[]", "\"x\"");
        Map<String, String> recordScope = new LinkedHashMap<>(goodItem());
        recordScope.keySet().retainAll(Set.of("crmType", "crmOrgUrl", "recordType", "recordId"));
        Map<String, String> organizationScope = new LinkedHashMap<>(recordScope);
        organizationScope.keySet().retainAll(Set.of("crmType", "crmOrgUrl"));
        List<String> scopeFields = List.of("crmType", "crmOrgUrl", "recordType", "recordId", "recordName", "unknown");
        Arbitrary<String> record = Combinators.combine(feedObject(recordScope, scopeFields, 6),
                Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(30, ofRecord), net.jqwik.api.Tuple.of(1, notAnItem))
                        .list().ofMaxSize(8))
                .as(FuzzIT::withItems);
        Arbitrary<String> organization = Combinators.combine(feedObject(organizationScope, scopeFields, 6),
                Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(30, ofOrganization),
                        net.jqwik.api.Tuple.of(1, notAnItem)).list().ofMaxSize(8))
                .as(FuzzIT::withItems);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, record), net.jqwik.api.Tuple.of(3, organization),
                net.jqwik.api.Tuple.of(1, oddBodies()));
    }

    /** Bodies with a NUL, or bytes that are not UTF-8, where a JSON text would have text. */
    @Provide
    Arbitrary<byte[]> rawBodies() {
        String item = "{\"crmType\": \"Dynamics 365\", \"crmOrgUrl\": \"contoso.crm.dynamics.com\", \"recordType\":"
                + " \"opportunity\", \"recordId\": \"f0220000-0000-4000-a000-000000000001\", \"title\": \"@\","
                + " \"description\": \"Raw bytes.\"}";
        String batch = "{\"items\": [" + item.replace("{\"crmType\"", "{\"action\": \"put\", \"source\": \"fuzz\","
                + " \"externalId\": \"F-1\", \"crmType\"") + "]}";
        Arbitrary<String> document = Arbitraries.of(item, batch);
        Arbitrary<byte[]> inside = Arbitraries.of(new byte[] {0}, new byte[] {'a', 0, 'b'}, new byte[] {(byte) 0xff},
                new byte[] {(byte) 0xc0, (byte) 0xaf}, new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                new byte[] {(byte) 0xe2, (byte) 0x82}, new byte[] {(byte) 0xe9}, new byte[] {(byte) 0xf8, (byte) 0x88,
                        (byte) 0x80, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80,
                        (byte) 0x80});
        Arbitrary<byte[]> replaced = Combinators.combine(document, inside).as((text, bytes) -> {
            int at = text.indexOf('@');
            byte[] before = text.substring(0, at).getBytes(StandardCharsets.UTF_8);
            byte[] after = text.substring(at + 1).getBytes(StandardCharsets.UTF_8);
            byte[] all = java.util.Arrays.copyOf(before, before.length + bytes.length + after.length);
            System.arraycopy(bytes, 0, all, before.length, bytes.length);
            System.arraycopy(after, 0, all, before.length + bytes.length, after.length);
            return all;
        });
        Arbitrary<byte[]> whole = Arbitraries.of(new byte[] {0}, new byte[64], new byte[] {(byte) 0xef, (byte) 0xbb,
                (byte) 0xbf, '{', '}'}, item.getBytes(java.nio.charset.StandardCharsets.UTF_16LE),
                item.getBytes(java.nio.charset.StandardCharsets.UTF_16),
                ("\u0000" + item).getBytes(StandardCharsets.UTF_8),
                (item + "\u0000").getBytes(StandardCharsets.UTF_8), item.replace("@", "\u00e9")
                        .getBytes(StandardCharsets.ISO_8859_1), new byte[0]);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, replaced), net.jqwik.api.Tuple.of(1, whole));
    }

    /** The fields a feeder's documents have, what curators own, and some nobody has. */
    static final List<String> FEED_FIELDS = List.of("crmType", "crmOrgUrl", "recordType", "recordId", "recordName",
            "title", "description", "url", "dateTime", "language", "visibleFrom", "visibleUntil",
            "additionalProperties", "pinned", "priority", "hidden", "key", "action", "source", "externalId", "items",
            "unknown", "");

    /** A good fed insight of Contoso's organization, on one of a few records of its own. */
    private static Map<String, String> goodItem() {
        Map<String, String> item = new LinkedHashMap<>();
        item.put("crmType", "\"Dynamics 365\"");
        item.put("crmOrgUrl", "\"https://contoso.crm.dynamics.com\"");
        item.put("recordType", "\"opportunity\"");
        item.put("recordId", "\"f0220000-0000-4000-a000-000000000001\"");
        item.put("title", "\"Fuzzed\"");
        item.put("description", "\"A fuzzed insight.\"");
        return item;
    }

    /** The object as it is, or with one to four of the fields set to odd values or removed. */
    private Arbitrary<String> feedObject(Map<String, String> good, List<String> fields) {
        return feedObject(good, fields, 2);
    }

    /**
     * The object as it is {@code asIs} times in every {@code asIs} + 3, else with one to four fields set to odd values
     * or removed: enough good documents that feeds are written (and their odd values stored), not only refused.
     */
    private Arbitrary<String> feedObject(Map<String, String> good, List<String> fields, int asIs) {
        Arbitrary<String> change = Arbitraries.oneOf(feedLeaves(), Arbitraries.just("REMOVE"));
        Arbitrary<List<Map.Entry<String, String>>> some = Combinators.combine(Arbitraries.of(fields), change)
                .as(Map::entry).list().ofMinSize(1).ofMaxSize(4);
        Arbitrary<List<Map.Entry<String, String>>> none = Arbitraries.just(List.of());
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(asIs, none), net.jqwik.api.Tuple.of(3, some))
                .map(changes -> changed(good, changes));
    }

    private static String changed(Map<String, String> good, List<Map.Entry<String, String>> changes) {
        Map<String, String> object = new LinkedHashMap<>(good);
        for (Map.Entry<String, String> change : changes) {
            if (change.getValue().equals("REMOVE")) {
                object.remove(change.getKey());
            } else {
                object.put(change.getKey(), change.getValue());
            }
        }
        List<String> members = new ArrayList<>();
        object.forEach((field, value) -> members.add(jsonString(field) + ": " + value));
        return "{" + String.join(", ", members) + "}";
    }

    /** The snapshot's scope with these items, each {@link #SNAPSHOT_ID} its external id by its place (F-0, F-1...). */
    private static String withItems(String scope, List<String> items) {
        List<String> named = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            named.add(items.get(i).replace(SNAPSHOT_ID, "\"F-" + i + "\""));
        }
        return scope.substring(0, scope.length() - 1) + (scope.length() > 2 ? ", " : "") + "\"items\": ["
                + String.join(", ", named) + "]}";
    }

    private static final String SNAPSHOT_ID = "\"@snapshot-item-id@\"";

    /** Values for any field of a feed document: nasty text, wrong types, far numbers and dates, and good ones. */
    private Arbitrary<String> feedLeaves() {
        return Arbitraries.oneOf(
                nasty().map(FuzzIT::jsonString),
                Arbitraries.of("1e999999999", "-1e999999999", "1e9999999999", "1e-999999999", "99999999999999999999999",
                        "-0", "0.5", "2147483648", "-2147483649", "1000", "-1001", "true", "false", "null", "[]", "{}",
                        "\"\"", "\" \"", "\"\\ud800\"", "\"a\\u0000b\"", "\"\\u0007\"", "[1, \"x\", null]",
                        "[\"a\", \"b\"]", "{\"Quote\": \"Q-1\"}", "{\"Owner\": \"\\ud83d\"}", "{\"\": \"x\"}",
                        "{\"a\": 1}", "{\"a\": null}", "{\"a\": {\"b\": [1]}}",
                        "\"+999999999-12-31T23:59:59-18:00\"", "\"-999999999-01-01T00:00:00+18:00\"",
                        "\"99999-01-01T00:00:00Z\"", "\"0001-01-01T00:00:00+18:00\"", "\"2026-12-01T09:00:00Z\"",
                        "\"2026-12-01\"", "\"Dynamics 365\"", "\"Salesforce\"", "\"dynamics365\"",
                        "\"https://fabrikam.my.salesforce.com\"", "\"https://contoso.crm.dynamics.com:99999/\"",
                        "\"nobody.crm.dynamics.com\"", "\"006Dn00000A1b2C\"",
                        "\"{F0220000-0000-4000-A000-000000000002}\"",
                        "\"f0220000-0000-4000-a000-000000000003\"", "\"lead\"", "\"Opportunity\"",
                        "\"de\"", "\"x-\\ud83d\\ude00\"", "\"https://example.com/a\"", "\"javascript:alert(1)\"",
                        "\"put\"", "\"delete\"", "\"PUT\"", "\"quotes\"", "\"F-2\"", "\"F 2\"",
                        jsonString("a".repeat(21)), jsonString("a".repeat(131)), jsonString("a".repeat(70_000)),
                        "[" + String.join(",", java.util.Collections.nCopies(2_000, "1")) + "]",
                        "{" + String.join(",", java.util.stream.IntStream.range(0, 60).mapToObj(i -> "\"k" + i
                                + "\": \"v\"").toList()) + "}",
                        "[".repeat(40) + "]".repeat(40)));
    }

    /** Bodies that are no document of the feed API at all. */
    private Arbitrary<String> oddBodies() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.of("", " ", "null", "[]", "[{}]", "\"text\"", "{", "{}}",
                        "{\"a\":1,\"a\":2}", "{\"title\": \"a\", \"title\": 1}", "\u0000", "1", "true",
                        "{\"title\": \"\\ud800\"}", "<xml/>", "title=x&description=y", "{'title': 'x'}",
                        "{\"title\": \"x\",}", "{\"title\": NaN}", "{\"title\": 01}")),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(33, 5_000)
                        .map(depth -> "{\"items\": " + "[".repeat(depth) + "]".repeat(depth) + "}")),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(33, 5_000)
                        .map(depth -> "{\"a\":".repeat(depth) + "1" + "}".repeat(depth))),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1_000, 20_000).map(FuzzIT::wideObject)),
                net.jqwik.api.Tuple.of(1, nasty()));
    }

    /** Text as one path segment: every character but the unreserved ones percent-escaped as UTF-8. */
    static String pathSegment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
