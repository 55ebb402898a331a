package org.salesinsights.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Property-based requests for every public and admin operation, from what a careless client or an attacker sends:
 * adversarial text (astral, combining, right-to-left, control characters, lone surrogates, invalid UTF-8), extreme
 * numbers, dates and offsets, deep and wide JSON, repeated parameters, odd and duplicate media types, long headers
 * and URLs. Every answer is a success or the contract's error body with a client status; never a 5xx. The seeds are
 * fixed, so CI replays the same requests; jqwik shrinks a failure to its smallest request, which then becomes a plain
 * regression test in {@code ClientMistakesIT}. The server is the README's Payara Micro (MicroProcess): on H2, and on
 * PostgreSQL in the postgresql profile.
 */
class FuzzIT {

    static final String CONTOSO = "c07050c0-0000-4000-a000-000000000001";
    /** Statuses a client's request may get; 503 only when the database is away, which it is not here. */
    static final Set<Integer> CLIENT_ERRORS = Set.of(400, 401, 403, 404, 405, 406, 409, 412, 413, 415, 428, 429, 431);
    static final AtomicInteger REQUESTS = new AtomicInteger();

    static MicroProcess server;
    static String curator;
    static String seller;
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

    // ---- what every answer must be

    static void check(HttpResponse<String> response) {
        REQUESTS.incrementAndGet();
        int status = response.statusCode();
        String where = response.request().method() + " " + abbreviated(response.request().uri().toString())
                + " -> " + status + " " + abbreviated(response.body());
        assertTrue(status < 500, where);
        if (status == 400 && response.body().isEmpty() && codecRefusesPath(response.request().uri().getRawPath())) {
            // Payara's HTTP codec refuses a path whose escapes decode to a NUL or to bytes that are not UTF-8 before
            // any application code (an empty 400, no header of ours); nginx in front answers such a path itself, in
            // the contract's body. Known, README.
            return;
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
    }

    /** Whether the path's percent-escapes decode to a NUL or to bytes that are not UTF-8. */
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
            if (b == 0) {
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
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.uri("").toString() + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
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
}
