package org.salesinsights.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Key sales info action over HTTP on a real server, with the WAR the build produced and its demo data: what
 * the Sales app's connector sees. One class, so the server starts once.
 */
@ExtendWith(ArquillianExtension.class)
class OpportunityInsightsIT {

    private static final String CONTOSO_OPPORTUNITY = "d1c6a4e2-5f3b-4c8e-9a7d-2b1e0f6c3a91";
    private static final String NORTHWIND_OPPORTUNITY_15 = "006Dn00000A1b2C";
    private static final String ACTION_DESCRIPTION = "This action gets additional sales insights that will be shown in"
            + " C4S key sales info card in outlook sidecar. The action enhances the existing skills of copilot for"
            + " sales.";

    /** Every demo record, as the Sales app would name it, with the tenant that owns it. */
    private static final List<String[]> DEMO_RECORDS = List.of(
            new String[] {TestTokens.CONTOSO, "opportunity", CONTOSO_OPPORTUNITY},
            new String[] {TestTokens.CONTOSO, "account", "8f14e45f-ceea-467f-a0e6-3b6d9c2a1f07"},
            new String[] {TestTokens.CONTOSO, "lead", "3c59dc04-8a1e-4b2f-9d6c-7e5f4a3b2c10"},
            new String[] {TestTokens.CONTOSO, "contact", "5d41402a-bc4b-4a76-b971-9d911017c592"},
            new String[] {TestTokens.FABRIKAM, "opportunity", NORTHWIND_OPPORTUNITY_15},
            new String[] {TestTokens.FABRIKAM, "account", "001Dn00000XyZ9q"},
            new String[] {TestTokens.FABRIKAM, "lead", "00QDn00000Lm3Np"},
            new String[] {TestTokens.FABRIKAM, "contact", "003Dn00000Qr7St"},
            new String[] {TestTokens.ADATUM, "opportunity", "a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d"},
            new String[] {TestTokens.ADATUM, "account", "b7e3c0de-1234-4cde-8f00-aa55bb66cc77"});

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("insights.war")))
                .addClass(FailureProbeResource.class);
    }

    @Test
    void theDemoOpportunityAnswersByteForByte() throws IOException {
        HttpResponse<String> response = insights(Map.of(
                "recordType", "opportunity", "recordId", CONTOSO_OPPORTUNITY, "crmType", "Dynamics365",
                "crmOrgUrl", "https://contoso.crm.dynamics.com/", "top", "5"));
        assertEquals(200, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow().split(";")[0]);
        assertEquals(golden("contoso-opportunity-top5.json"), response.body());
    }

    static Stream<Arguments> formsOfOneRecord() {
        return Stream.of(
                Arguments.of("Opportunity", "{" + CONTOSO_OPPORTUNITY.toUpperCase() + "}", "Dynamics 365", "contoso.crm.dynamics.com"),
                Arguments.of("OPPORTUNITY", CONTOSO_OPPORTUNITY.toUpperCase(), "dynamics365", "HTTPS://Contoso.CRM.Dynamics.com"),
                Arguments.of("opportunity", CONTOSO_OPPORTUNITY, "DYNAMICS 365", "https://contoso.crm.dynamics.com:443/main.aspx"));
    }

    @ParameterizedTest
    @MethodSource("formsOfOneRecord")
    void everyFormOfTheRecordFindsTheSameInsights(String recordType, String recordId, String crmType, String org)
            throws IOException {
        HttpResponse<String> response = insights(Map.of("recordType", recordType, "recordId", recordId,
                "crmType", crmType, "crmOrgUrl", org, "top", "5"));
        assertEquals(200, response.statusCode());
        assertEquals(golden("contoso-opportunity-top5.json"), response.body());
    }

    @Test
    void bothSalesforceIdFormsFindTheSameInsights() {
        String fifteen = insightsOf(TestTokens.FABRIKAM, Map.of("recordType", "opportunity",
                "recordId", NORTHWIND_OPPORTUNITY_15, "crmType", "Salesforce",
                "crmOrgUrl", "fabrikam.my.salesforce.com")).body();
        String eighteen = insightsOf(TestTokens.FABRIKAM, Map.of("recordType", "opportunity",
                "recordId", NORTHWIND_OPPORTUNITY_15 + "IAR", "crmType", "salesforce")).body();
        String caseLost = insightsOf(TestTokens.FABRIKAM, Map.of("recordType", "opportunity",
                "recordId", "006dn00000a1b2ciar")).body();
        assertEquals(3, Http.json(insightsOf(TestTokens.FABRIKAM, Map.of("recordType", "opportunity",
                "recordId", NORTHWIND_OPPORTUNITY_15))).getJsonArray("value").size());
        assertEquals(fifteen, eighteen);
        assertEquals(fifteen, caseLost);
    }

    @Test
    void walkingThePagesReturnsEveryInsightExactlyOnce() {
        List<String> walked = new ArrayList<>();
        int skip = 0;
        boolean more = true;
        while (more) {
            JsonObject page = Http.json(insights(Map.of("recordType", "opportunity", "recordId", CONTOSO_OPPORTUNITY,
                    "top", "5", "skip", Integer.toString(skip))));
            page.getJsonArray("value").forEach(insight -> walked.add(insight.toString()));
            more = page.getBoolean("hasMoreResults");
            skip += 5;
            assertTrue(skip <= 20, "hasMoreResults never turned false");
        }
        assertEquals(14, walked.size());
        assertEquals(14, new HashSet<>(walked).size(), "an insight came twice");
        JsonObject all = Http.json(insights(Map.of("recordType", "opportunity", "recordId", CONTOSO_OPPORTUNITY,
                "top", "12")));
        List<String> firstTwelve = all.getJsonArray("value").stream().map(JsonValue::toString).toList();
        assertEquals(walked.subList(0, 12), firstTwelve, "pages and one big page disagree on the order");
        assertTrue(all.getBoolean("hasMoreResults"));
    }

    @Test
    void pinnedFirstThenNewest() {
        JsonObject page = Http.json(insights(Map.of("recordType", "opportunity", "recordId", CONTOSO_OPPORTUNITY,
                "top", "12")));
        List<JsonObject> value = page.getJsonArray("value").getValuesAs(JsonObject.class);
        assertEquals("Contract signed", value.get(0).getString("title"), "the pinned insight leads");
        assertEquals("2023-09-07T03:42:35.46623Z", value.get(0).getString("dateTime"));
        // after pinned and prioritized ones, newest first
        List<String> times = value.subList(3, value.size()).stream().map(i -> i.getString("dateTime")).toList();
        assertEquals(times.stream().sorted((a, b) -> b.compareTo(a)).toList(), times);
    }

    @Test
    void withoutTopAPageHoldsFiveAndATopBeyondTheMaximumIsClamped() {
        JsonObject defaults = Http.json(insights(Map.of("recordType", "opportunity", "recordId", CONTOSO_OPPORTUNITY)));
        assertEquals(5, defaults.getJsonArray("value").size());
        assertTrue(defaults.getBoolean("hasMoreResults"));
        // the server under test runs with insights.paging.max-top=12 (arquillian.xml)
        JsonObject clamped = Http.json(insights(Map.of("recordType", "opportunity", "recordId", CONTOSO_OPPORTUNITY,
                "top", "1000")));
        assertEquals(12, clamped.getJsonArray("value").size());
        assertTrue(clamped.getBoolean("hasMoreResults"));
        JsonObject last = Http.json(insights(Map.of("recordType", "opportunity", "recordId", CONTOSO_OPPORTUNITY,
                "top", "12", "skip", "12")));
        assertEquals(2, last.getJsonArray("value").size());
        assertFalse(last.getBoolean("hasMoreResults"));
        JsonObject beyond = Http.json(insights(Map.of("recordType", "opportunity", "recordId", CONTOSO_OPPORTUNITY,
                "skip", "14")));
        assertEquals(0, beyond.getJsonArray("value").size());
        assertFalse(beyond.getBoolean("hasMoreResults"));
    }

    @Test
    void aRecordWithoutInsightsAnswersAnEmptyList() {
        HttpResponse<String> unknown = insights(Map.of("recordType", "account",
                "recordId", "00000000-0000-0000-0000-000000000000"));
        assertEquals(200, unknown.statusCode());
        assertEquals("{\"value\":[],\"hasMoreResults\":false}", unknown.body());
        HttpResponse<String> otherType = insights(Map.of("recordType", "account", "recordId", CONTOSO_OPPORTUNITY));
        assertEquals("{\"value\":[],\"hasMoreResults\":false}", otherType.body());
    }

    @Test
    void everyDemoAnswerKeepsTheCardsLimits() {
        for (String[] record : DEMO_RECORDS) {
            JsonObject page = Http.json(insightsOf(record[0], Map.of("recordType", record[1], "recordId", record[2],
                    "top", "50")));
            List<JsonObject> value = page.getJsonArray("value").getValuesAs(JsonObject.class);
            assertFalse(value.isEmpty(), () -> "no demo insights for " + record[2]);
            for (JsonObject insight : value) {
                assertAll(insight.toString(),
                        // UTF-16 code units, which bound code points (JSON Schema) and graphemes too
                        () -> assertTrue(insight.getString("title").length() <= 20),
                        () -> assertTrue(insight.getString("description").length() <= 130),
                        () -> assertTrue(!insight.containsKey("url")
                                || insight.getString("url").matches("https?://[^/\\s]+.*")),
                        () -> assertTrue(!insight.containsKey("dateTime")
                                || insight.getString("dateTime").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z")),
                        () -> assertTrue(!insight.containsKey("additionalProperties")
                                || !insight.getJsonObject("additionalProperties").isEmpty()
                                && insight.getJsonObject("additionalProperties").values().stream()
                                        .allMatch(v -> v instanceof JsonString)),
                        () -> assertFalse(insight.values().contains(JsonValue.NULL)));
            }
        }
    }

    @Test
    void theSellersLanguageIsServedWhereATranslationExists() {
        Map<String, String> top2 = Map.of("recordType", "opportunity", "recordId", CONTOSO_OPPORTUNITY, "top", "3");
        HttpResponse<String> german = Http.get(insightsUri(top2), "Authorization",
                TestTokens.bearer(TestTokens.CONTOSO), "Accept-Language", "de-AT, en;q=0.5");
        assertEquals(200, german.statusCode(), german::body);
        List<JsonObject> value = Http.json(german).getJsonArray("value").getValuesAs(JsonObject.class);
        assertEquals("Vertrag signiert", value.get(0).getString("title"));
        assertEquals("Alberto Burgos, Tony Benis", value.get(0).getJsonObject("additionalProperties")
                .getString("Unterzeichnet von"), "property names and values are translated too");
        assertEquals("2023-09-07T03:42:35.46623Z", value.get(0).getString("dateTime"), "the rest stays");
        assertEquals("Validierung", value.get(1).getJsonObject("additionalProperties").getString("Phase"));
        assertEquals("Contoso Hub", value.get(2).getString("title"));
        assertTrue(value.get(2).getString("description").startsWith("Budget approved"), "no German: its own text");
        assertEquals("de, en", german.headers().firstValue("Content-Language").orElseThrow());
        assertTrue(german.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Accept-Language")));

        HttpResponse<String> french = Http.get(insightsUri(top2), "Authorization",
                TestTokens.bearer(TestTokens.CONTOSO), "Accept-Language", "ja, fr;q=0.8");
        assertEquals("Contrat sign\u00e9", Http.json(french).getJsonArray("value").getJsonObject(0).getString("title"));

        HttpResponse<String> japanese = Http.get(insightsUri(Map.of("recordType", "opportunity",
                "recordId", CONTOSO_OPPORTUNITY, "top", "5")), "Authorization", TestTokens.bearer(TestTokens.CONTOSO),
                "Accept-Language", "ja");
        assertEquals(insights(Map.of("recordType", "opportunity", "recordId", CONTOSO_OPPORTUNITY, "top", "5"))
                .body(), japanese.body(), "no Japanese: the insights' own language");
        assertEquals("en", japanese.headers().firstValue("Content-Language").orElseThrow());
    }

    @Test
    void nonAsciiTextArrivesIntact() {
        JsonObject page = Http.json(insightsOf(TestTokens.ADATUM, Map.of("recordType", "opportunity",
                "recordId", "a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d")));
        JsonObject first = page.getJsonArray("value").getJsonObject(0);
        assertEquals("J\u00fcrgen Wei\u00df", first.getJsonObject("additionalProperties").getString("Ansprechpartner"));
        assertTrue(first.getString("description").endsWith("\u2026"), "the long German text is cut");
        assertTrue(page.getJsonArray("value").getJsonObject(1).getString("description").endsWith("\uD83C\uDF31"));
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of(Map.of("recordId", CONTOSO_OPPORTUNITY), "recordType"),
                Arguments.of(Map.of("recordType", "opportunity"), "recordId"),
                Arguments.of(Map.of("recordType", " ", "recordId", CONTOSO_OPPORTUNITY), "recordType"),
                Arguments.of(Map.of("recordType", "opportunity", "recordId", ""), "recordId"),
                Arguments.of(Map.of("recordType", "opportunity", "recordId", "not-an-id"), "recordId"),
                Arguments.of(Map.of("recordType", "opportunity", "recordId", CONTOSO_OPPORTUNITY, "top", "ten"), "top"),
                Arguments.of(Map.of("recordType", "opportunity", "recordId", CONTOSO_OPPORTUNITY, "top", "-1"), "top"),
                Arguments.of(Map.of("recordType", "opportunity", "recordId", CONTOSO_OPPORTUNITY, "top", "0"), "top"),
                Arguments.of(Map.of("recordType", "opportunity", "recordId", CONTOSO_OPPORTUNITY, "skip", "-3"), "skip"),
                Arguments.of(Map.of("recordType", "opportunity", "recordId", CONTOSO_OPPORTUNITY, "skip", "1e3"), "skip"),
                Arguments.of(Map.of("recordType", "opportunity", "recordId", CONTOSO_OPPORTUNITY, "crmType", "SAP"), "crmType"),
                Arguments.of(Map.of("recordType", "opportunity", "recordId", CONTOSO_OPPORTUNITY,
                        "crmOrgUrl", "ftp://contoso.crm.dynamics.com"), "crmOrgUrl"),
                Arguments.of(Map.of("recordType", "opportunity", "recordId", CONTOSO_OPPORTUNITY,
                        "crmOrgUrl", "https://" + "a".repeat(3000) + ".com"), "crmOrgUrl"),
                Arguments.of(Map.of("recordType", "opportunity", "recordId", "x".repeat(500)), "recordId"),
                Arguments.of(Map.of("recordType", "opport\u0000unity", "recordId", CONTOSO_OPPORTUNITY), "recordType"),
                Arguments.of(Map.of("recordType", "opportunity\r\nX-Evil: 1", "recordId", CONTOSO_OPPORTUNITY), "recordType"));
    }

    @ParameterizedTest
    @MethodSource("badRequests")
    void badInputGetsTheContractsErrorNamingTheParameter(Map<String, String> parameters, String parameter) {
        String activityId = UUID.randomUUID().toString();
        HttpResponse<String> response = Http.get(uri("api/v1/opportunity-insights?" + Http.query(parameters)),
                "x-ms-client-request-id", activityId, "Authorization", TestTokens.bearer(TestTokens.CONTOSO));
        assertEquals(400, response.statusCode(), response::body);
        JsonObject error = Http.json(response);
        assertEquals("INVALID_PARAMETER", error.getString("errorCode"));
        assertTrue(error.getString("errorMessage").contains("'" + parameter + "'"), error::toString);
        assertEquals(activityId, error.getString("activityId"));
        assertEquals(activityId, response.headers().firstValue("x-ms-client-request-id").orElseThrow());
    }

    @Test
    void anUnexpectedFailureAnswers500WithoutServerDetail() {
        HttpResponse<String> response = Http.get(uri("api/test-only/failure"), "x-ms-client-request-id", "probe-1",
                "Authorization", TestTokens.bearer(TestTokens.CONTOSO));
        assertEquals(500, response.statusCode());
        JsonObject error = Http.json(response);
        assertEquals("INTERNAL_SERVER_ERROR", error.getString("errorCode"));
        assertEquals("probe-1", error.getString("activityId"));
        assertFalse(response.body().contains("secret-detail"), response.body());
        assertFalse(response.body().contains("Exception"), response.body());
        assertFalse(response.body().contains("at org."), response.body());
    }

    @Test
    void unknownPathsAndMethodsGetTheErrorBodyToo() {
        HttpResponse<String> missing = Http.get(uri("api/v1/no-such-action"),
                "Authorization", TestTokens.bearer(TestTokens.CONTOSO));
        assertEquals(404, missing.statusCode());
        assertEquals("NOT_FOUND", Http.json(missing).getString("errorCode"));
        HttpResponse<String> post = Http.send(HttpRequest.newBuilder(uri("api/v1/opportunity-insights"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json")
                .header("Authorization", TestTokens.bearer(TestTokens.CONTOSO)).build());
        assertEquals(405, post.statusCode());
        assertEquals("METHOD_NOT_ALLOWED", Http.json(post).getString("errorCode"));
    }

    @Test
    void everyAnswerCarriesTheActivityIdAndSafeCachingHeaders() {
        HttpResponse<String> echoed = Http.get(insightsUri(Map.of("recordType", "lead",
                "recordId", "3c59dc04-8a1e-4b2f-9d6c-7e5f4a3b2c10")),
                "x-ms-client-request-id", "3f2a9c4e-0000-4000-8000-000000000001", "x-ms-user-agent", "sales-copilot",
                "Authorization", TestTokens.bearer(TestTokens.CONTOSO));
        assertEquals("3f2a9c4e-0000-4000-8000-000000000001",
                echoed.headers().firstValue("x-ms-client-request-id").orElseThrow());
        for (HttpResponse<String> response : List.of(echoed, Http.get(uri("api/v1/opportunity-insights")))) {
            assertTrue(response.headers().firstValue("Cache-Control").orElseThrow().contains("no-store"));
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElseThrow());
            assertTrue(response.headers().firstValue("Server").isEmpty(), "the server names itself");
            assertTrue(response.headers().firstValue("X-Powered-By").isEmpty(), "the server names itself");
        }
        HttpResponse<String> generated = Http.get(uri("api/v1/opportunity-insights"));
        String id = generated.headers().firstValue("x-ms-client-request-id").orElseThrow();
        assertEquals(id, UUID.fromString(id).toString());
        assertEquals(id, Http.json(generated).getString("activityId"));
    }

    @Test
    void theOpenApiDocumentDescribesTheActionAsMicrosoftPrescribes() throws URISyntaxException {
        HttpResponse<String> response = Http.get(base.toURI().resolve("/openapi"), "Accept", "application/json");
        assertEquals(200, response.statusCode());
        JsonObject document = Http.json(response);
        JsonObject paths = document.getJsonObject("paths");
        String path = paths.keySet().stream().filter(p -> p.endsWith("/api/v1/opportunity-insights")).findFirst()
                .orElseThrow(() -> new AssertionError("no action in " + paths.keySet()));
        JsonObject get = paths.getJsonObject(path).getJsonObject("get");
        assertEquals(ACTION_DESCRIPTION, get.getString("description"));

        Map<String, String> parameters = new LinkedHashMap<>();
        Set<String> required = new HashSet<>();
        for (JsonObject parameter : get.getJsonArray("parameters").getValuesAs(JsonObject.class)) {
            parameters.put(parameter.getString("name"), parameter.getString("description"));
            if (parameter.getBoolean("required", false)) {
                required.add(parameter.getString("name"));
            }
            assertEquals("query", parameter.getString("in"));
        }
        assertEquals(Map.of(
                "recordType", "This input identifies the record type in CRM for which key sales info is requested.",
                "recordId", "This input provides the unique identifier of the CRM record for which key sales info is requested.",
                "crmType", "This input indicates the type of CRM in which the CRM record exists, for which key sales info is requested.",
                "crmOrgUrl", "This input indicates the URL of the CRM environment in which the CRM record exists, for which key sales info is requested.",
                "top", "This input indicates the number of sales highlights to fetch.",
                "skip", "This input indicates the number of items to skip when fetching sales highlights."), parameters);
        assertEquals(Set.of("recordType", "recordId"), required);

        JsonObject schemas = document.getJsonObject("components").getJsonObject("schemas");
        JsonObject ok = get.getJsonObject("responses").getJsonObject("200");
        JsonObject page = resolve(schemas, ok.getJsonObject("content").getJsonObject("application/json").getJsonObject("schema"));
        assertEquals("value", page.getJsonArray("required").getString(0));
        JsonObject value = page.getJsonObject("properties").getJsonObject("value");
        assertEquals("array", value.getString("type"));
        JsonObject insight = resolve(schemas, value.getJsonObject("items"));
        JsonObject fields = insight.getJsonObject("properties");
        assertEquals(Set.of("title", "description"), new HashSet<>(insight.getJsonArray("required").getValuesAs(JsonString::getString)));
        assertEquals("This output indicates the title of citation card for the insight.",
                fields.getJsonObject("title").getString("description"));
        assertEquals(20, fields.getJsonObject("title").getInt("maxLength"));
        assertEquals("This output indicates the text of the insight to be included in key sales info.",
                fields.getJsonObject("description").getString("description"));
        assertEquals(130, fields.getJsonObject("description").getInt("maxLength"));
        assertEquals("This output indicates the URL to learn more about the insight.",
                fields.getJsonObject("url").getString("description"));
        assertEquals("This output indicates the time associated with the insight.",
                fields.getJsonObject("dateTime").getString("description"));
        assertEquals("string", fields.getJsonObject("dateTime").getString("type"));
        assertEquals("date-time", fields.getJsonObject("dateTime").getString("format"));
        JsonObject properties = fields.getJsonObject("additionalProperties");
        assertEquals("This output indicates additional properties as name-value pairs of each related insight"
                + " returned by the action.", properties.getString("description"));
        assertEquals("object", properties.getString("type"));
        assertEquals("string", properties.getJsonObject("additionalProperties").getString("type"));
        assertFalse(properties.containsKey("maxProperties"), "maxProperties 0 would forbid every property");

        for (String status : List.of("400", "500")) {
            // the refusals the actions share are response components, referred to by name
            JsonObject refusal = get.getJsonObject("responses").getJsonObject(status);
            if (refusal.containsKey("$ref")) {
                refusal = document.getJsonObject("components").getJsonObject("responses").getJsonObject(
                        refusal.getString("$ref").replace("#/components/responses/", ""));
            }
            JsonObject error = resolve(schemas, refusal.getJsonObject("content").getJsonObject("application/json")
                    .getJsonObject("schema"));
            assertEquals(Set.of("errorCode", "errorMessage", "activityId", "details"), error.getJsonObject("properties").keySet());
        }
    }

    @Test
    void healthSaysLiveAndReady() throws URISyntaxException {
        // Payara serves MicroProfile Health at the root of the HTTP port, WildFly on its management port.
        URI health = URI.create(System.getProperty("insights.it.healthBase", base.toURI().resolve("/").toString()));
        for (String check : List.of("health/live", "health/ready")) {
            HttpResponse<String> response = Http.get(health.resolve(check));
            assertEquals(200, response.statusCode(), response::body);
            assertEquals("UP", Http.json(response).getString("status"), response::body);
        }
        HttpResponse<String> ready = Http.get(health.resolve("health/ready"));
        assertTrue(ready.body().contains("insights-database"), ready.body());
    }

    private static JsonObject resolve(JsonObject schemas, JsonObject schema) {
        if (!schema.containsKey("$ref")) {
            return schema;
        }
        String ref = schema.getString("$ref");
        JsonObject target = schemas.getJsonObject(ref.substring(ref.lastIndexOf('/') + 1));
        assertNotNull(target, ref);
        return target;
    }

    /** The action as a Contoso seller calls it. */
    private HttpResponse<String> insights(Map<String, String> parameters) {
        return insightsOf(TestTokens.CONTOSO, parameters);
    }

    private HttpResponse<String> insightsOf(String tenant, Map<String, String> parameters) {
        return Http.get(insightsUri(parameters), "Authorization", TestTokens.bearer(tenant));
    }

    private URI insightsUri(Map<String, String> parameters) {
        // a stable order keeps the request readable in the server log
        return uri("api/v1/opportunity-insights?" + Http.query(new java.util.TreeMap<>(parameters)));
    }

    private URI uri(String relative) {
        try {
            return base.toURI().resolve(relative);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = OpportunityInsightsIT.class.getResourceAsStream("/golden/" + name)) {
            assertNotNull(in, "missing golden file " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }
}
