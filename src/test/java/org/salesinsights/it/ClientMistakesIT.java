package org.salesinsights.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/**
 * The mistakes of careless clients that once answered 5xx or a body outside the contract, each a plain regression
 * test on every server and database (FuzzIT looks for more of their kind): far dates and offsets, numbers no decimal
 * holds, deep JSON, lone surrogates, malformed and duplicate media types, large headers, long histories.
 */
class ClientMistakesIT extends DeployedWar {

    private static final String CURATOR = TestTokens.bearer(TestTokens.PARTNER, TestTokens.ADMIN_ROLE);
    private static final String SELLER = TestTokens.bearer(TestTokens.CONTOSO);
    private static final String OPPORTUNITY = "recordType=opportunity&recordId=d1c6a4e2-5f3b-4c8e-9a7d-2b1e0f6c3a91";
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void timesBeyondUtcAreAWrongParameter() {
        for (String end : List.of("%2B999999999-12-31T23:59:59-18:00", "-999999999-01-01T00:00:00%2B18:00")) {
            HttpResponse<String> answer = send("GET", "v1/record-summary-insights?" + OPPORTUNITY + "&endDateTime="
                    + end, SELLER, null, List.of());
            contract(answer, 400, "INVALID_PARAMETER");
        }
    }

    @Test
    void adminBodiesNoDatabaseCanStoreAreProblemsNotFailures() {
        long record = addRecord();
        String insights = "admin/v1/records/" + record + "/insights";
        contract(post(insights, "{\"title\": \"t\", \"description\": \"d\", \"priority\": 1e9999999999}"), 400,
                "INVALID_PARAMETER");
        contract(post(insights, "{\"title\": " + "[".repeat(1_500) + "]".repeat(1_500) + "}"), 400,
                "INVALID_PARAMETER");
        HttpResponse<String> far = post(insights, "{\"title\": \"t\", \"description\": \"d\","
                + " \"dateTime\": \"+50000-01-01T00:00:00Z\", \"visibleUntil\": \"+999999999-12-31T23:59:59-18:00\"}");
        contract(far, 400, "INVALID_PARAMETER");
        assertEquals(Set.of("dateTime", "visibleUntil"), Http.json(far).getJsonObject("details").keySet());
        HttpResponse<String> surrogates = post(insights, "{\"title\": \"Half \\ud83d\", \"description\": \"d\","
                + " \"additionalProperties\": {\"Owner\": \"\\udc00\"}}");
        contract(surrogates, 400, "INVALID_PARAMETER");
        assertEquals(Set.of("title", "additionalProperties.Owner"), Http.json(surrogates).getJsonObject("details").keySet());
        contract(send("POST", "admin/v1/import", CURATOR, "{\"insights\": [{\"priority\": 1e9999999999}]}",
                List.of("Content-Type", "application/json")), 400, "INVALID_PARAMETER");
        HttpResponse<String> csv = send("POST", "admin/v1/import", CURATOR,
                "crmType,orgUrl,recordType,recordId,key,title,description\nx,\"a\"b,c,d,e,f,g\n",
                List.of("Content-Type", "text/csv"));
        contract(csv, 400, "INVALID_PARAMETER");
        assertFalse(csv.body().contains("java.") || csv.body().contains("Exception"), csv::body);
    }

    @Test
    void oddMediaTypesGetTheContractsBody() {
        for (String accept : List.of(";;;;", "application/", "application/json; q=abc", "a/b/c", "\u00e9/x")) {
            HttpResponse<String> answer = send("GET", "v1/opportunity-insights?" + OPPORTUNITY, SELLER, null,
                    List.of("Accept", FuzzIT.headerSafe(accept)));
            assertTrue(answer.statusCode() == 200 || answer.statusCode() == 400 || answer.statusCode() == 406,
                    () -> accept + " -> " + answer.statusCode() + " " + answer.body());
            if (answer.statusCode() != 200) {
                contract(answer, answer.statusCode(), null);
            }
        }
        long record = addRecord();
        for (List<String> types : List.of(List.of(";;"), List.of("application/"), List.of("text/plain"),
                List.of("application/json", "application/json"), List.of("application/json", "text/csv"))) {
            List<String> headers = new ArrayList<>();
            types.forEach(type -> headers.addAll(List.of("Content-Type", type)));
            HttpResponse<String> answer = send("POST", "admin/v1/records/" + record + "/insights", CURATOR,
                    "{\"title\": \"t\", \"description\": \"d\"}", headers);
            assertTrue(answer.statusCode() < 500, () -> types + " -> " + answer.statusCode() + " " + answer.body());
            if (answer.statusCode() >= 400) {
                contract(answer, answer.statusCode(), null);
            }
        }
    }

    @Test
    void aBodyOnADeleteIsReadNotRefusedByTheListener() {
        // Payara's listener refused content on DELETE with a bare 400 (found by FuzzIT); the API answers instead
        HttpResponse<String> answer = send("DELETE", "admin/v1/insights/5", CURATOR, "{}", List.of());
        contract(answer, 428, "PRECONDITION_REQUIRED");
    }

    @Test
    void aFedItemWithoutItsNameIsAProblemNotAFailure() {
        // a batch's put or a snapshot's item without its source or external id answered 500 (found by FuzzIT)
        String feeder = "Bearer " + TestTokens.token(TestTokens.currentKey(), TestTokens.CONTOSO, claims -> claims
                .claim("scp", null).claim("roles", List.of("Insights.Feed"))
                .claim("azp", "a7c1e000-0000-4000-a000-000000000001").claim("idtyp", "app"));
        String organization = "\"crmType\": \"Dynamics 365\", \"crmOrgUrl\": \"contoso.crm.dynamics.com\"";
        String insight = "\"recordType\": \"opportunity\", \"recordId\": \"d1c6a4e2-5f3b-4c8e-9a7d-2b1e0f6c3a91\","
                + " \"title\": \"t\", \"description\": \"d\"";
        String content = organization + ", " + insight;
        HttpResponse<String> batch = send("POST", "feed/v1/batches", feeder, "{\"items\": [{\"action\": \"put\","
                + " \"externalId\": \"Q-1\", " + content + "}, {\"action\": \"put\", \"source\": \"quotes\","
                + " \"externalId\": null, " + content + "}]}", List.of("Content-Type", "application/json"));
        assertEquals(200, batch.statusCode(), batch::body);
        assertEquals(List.of("source", "externalId"), Http.json(batch).getJsonArray("results")
                .getValuesAs(JsonObject.class).stream().map(r -> String.join(",", r.getJsonObject("error")
                        .getJsonObject("details").keySet())).toList(), batch::body);
        HttpResponse<String> snapshot = send("PUT", "feed/v1/sources/quotes/snapshot", feeder, "{" + organization
                + ", \"items\": [{" + insight + "}]}", List.of("Content-Type", "application/json"));
        contract(snapshot, 400, "INVALID_PARAMETER");
        assertEquals(Set.of("items[0].externalId"), Http.json(snapshot).getJsonObject("details").keySet(),
                snapshot::body);
    }

    @Test
    void tokensOfSixteenKilobytesReachTheSignInCheck() {
        String large = "Bearer " + "a".repeat(16 * 1024 - 7 - 1) + "b";
        HttpResponse<String> answer = send("GET", "v1/opportunity-insights?" + OPPORTUNITY, large, null, List.of());
        contract(answer, 401, "INVALID_TOKEN_SPECIFIED");
    }

    @Test
    void aPartnersOwnTenantReadsNothingUnlessRegistered() {
        HttpResponse<String> answer = send("GET", "v1/opportunity-insights?" + OPPORTUNITY, CURATOR, null, List.of());
        contract(answer, 403, "INSUFFICIENT_PERMISSIONS");
        contract(send("GET", "v1/test-connection", CURATOR, null, List.of()), 403, "INSUFFICIENT_PERMISSIONS");
    }

    @Test
    void aLongHistoryStaysValidJson() {
        long record = addRecord();
        HttpResponse<String> created = post("admin/v1/records/" + record + "/insights",
                "{\"title\": \"Many languages\", \"description\": \"Translated often.\"}");
        assertEquals(201, created.statusCode(), created::body);
        String insight = created.headers().firstValue("Location").orElseThrow();
        insight = insight.substring(insight.indexOf("admin/v1/"));
        long version = 1;
        String description = "x".repeat(120);
        StringBuilder properties = new StringBuilder();
        for (int p = 0; p < 10; p++) {
            properties.append(p == 0 ? "" : ", ").append("\"Name ").append(p).append("\": \"").append("v".repeat(90))
                    .append('"');
        }
        for (String language : List.of("de", "fr", "es", "it", "nl", "pt", "sv", "da", "fi", "pl")) {
            HttpResponse<String> translated = send("PUT", insight + "/translations/" + language, CURATOR,
                    "{\"title\": \"Titel " + language + "\", \"description\": \"" + description + "\","
                            + " \"additionalProperties\": {" + properties + "}}",
                    List.of("Content-Type", "application/json", "If-Match", "\"" + version + "\""));
            assertEquals(200, translated.statusCode(), translated::body);
            version++;
        }
        HttpResponse<String> history = send("GET", insight + "/history", CURATOR, null, List.of());
        assertEquals(200, history.statusCode(), history::body);
        List<JsonObject> changes = Http.array(history).getValuesAs(JsonObject.class);
        assertEquals(11, changes.size());
        assertTrue(changes.get(10).toString().contains("Titel pl"), "the last snapshot is whole");
    }

    private long addRecord() {
        HttpResponse<String> record = post("admin/v1/records", "{\"crmType\": \"Dynamics 365\", \"orgUrl\":"
                + " \"contoso.crm.dynamics.com\", \"recordType\": \"account\", \"recordId\": \"" + UUID.randomUUID()
                + "\"}");
        assertTrue(record.statusCode() == 201 || record.statusCode() == 200, record::body);
        return Http.json(record).getJsonNumber("id").longValue();
    }

    private HttpResponse<String> post(String path, String json) {
        return send("POST", path, CURATOR, json, List.of("Content-Type", "application/json"));
    }

    static void contract(HttpResponse<String> answer, int status, String errorCode) {
        String where = answer.request().method() + " " + answer.request().uri() + " -> " + answer.statusCode() + " "
                + answer.body();
        assertEquals(status, answer.statusCode(), where);
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), where);
        JsonObject error = Http.json(answer);
        if (errorCode != null) {
            assertEquals(errorCode, error.getString("errorCode"), where);
        }
        assertFalse(error.getString("activityId", "").isBlank(), where);
    }

    private HttpResponse<String> send(String method, String path, String authorization, String body,
            List<String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        for (int i = 0; i + 1 < headers.size(); i += 2) {
            request.header(headers.get(i), headers.get(i + 1));
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        try {
            return base.toURI().resolve("api/" + path);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
