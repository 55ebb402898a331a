package org.salesinsights.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/**
 * The email summary action (Microsoft's "Email Summary Skill Version 2") over HTTP on a real server: a POST with the
 * email and the CRM records of its thread, answered with the curated and fed insights of those records, one sentence
 * each, with the read actions' checks, paging, languages, security and cache.
 */
class EmailSummaryIT extends DeployedWar {

    private static final String PATH = "enhanceskills/email-insights-v2";
    private static final String CONTOSO_OPPORTUNITY = "d1c6a4e2-5f3b-4c8e-9a7d-2b1e0f6c3a91";
    private static final String CONTOSO_ACCOUNT = "8f14e45f-ceea-467f-a0e6-3b6d9c2a1f07";
    private static final String CURATOR = TestTokens.bearer(TestTokens.PARTNER, TestTokens.ADMIN_ROLE);
    private static final String CONTOSO = TestTokens.bearer(TestTokens.CONTOSO);
    /** What the Sales app sends of the email: the service accepts it and reads none of it. */
    private static final String EMAIL = "\"resourceData\": {\"plaintextBody\": \"Hi Kenny, see the quote.\","
            + " \"fullHtmlBody\": \"<p>Hi Kenny, see the quote.</p>\", \"subject\": \"Renewal\", \"from\":"
            + " \"tony@contoso.com\", \"to\": [\"kenny@fourthcoffee.com\"], \"cc\": [], \"bcc\": [],"
            + " \"sentDateTime\": \"2026-11-30T10:00:00+01:00\", \"messageId\": \"AAMkAGI2\", \"conversationId\":"
            + " \"AAQkAGI2\"}";

    @Test
    void theDemoThreadAnswersByteForByteConnectedRecordFirst() throws IOException {
        HttpResponse<String> answer = post(CONTOSO, "{" + EMAIL + ", \"relatedEntities\": ["
                + entity("account", CONTOSO_ACCOUNT, "") + ", " + entity("Opportunity",
                        "{" + CONTOSO_OPPORTUNITY.toUpperCase() + "}", "connected")
                + "], \"crmType\": \"Dynamics 365\", \"crmOrgUrl\": \"contoso.crm.dynamics.com\", \"top\": 2}");
        assertEquals(200, answer.statusCode(), answer::body);
        assertEquals("application/json", answer.headers().firstValue("Content-Type").orElseThrow().split(";")[0]);
        assertEquals(golden("contoso-thread-email-top2.json"), answer.body());
        assertEquals("Accept-Language", answer.headers().firstValue("Vary").orElseThrow());

        HttpResponse<String> again = post(CONTOSO, "{" + EMAIL + ", \"relatedEntities\": [" + entity("account",
                CONTOSO_ACCOUNT, "") + ", " + entity("Opportunity", CONTOSO_OPPORTUNITY, "connected")
                + "], \"top\": 2}");
        assertEquals(answer.body(), again.body(), "a second call (from the cache) is the same");
    }

    @Test
    void everyDemoTenantsRecordsLightItUp() {
        for (String[] record : List.of(new String[] {TestTokens.FABRIKAM, "opportunity", "006Dn00000A1b2C"},
                new String[] {TestTokens.ADATUM, "opportunity", "a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d"},
                new String[] {TestTokens.CONTOSO, "contact", "5d41402a-bc4b-4a76-b971-9d911017c592"})) {
            HttpResponse<String> answer = post(TestTokens.bearer(record[0]), "{" + EMAIL + ", \"relatedEntities\": ["
                    + entity(record[1], record[2], "connected") + "], \"top\": 1}");
            assertEquals(200, answer.statusCode(), answer::body);
            List<JsonObject> value = Http.json(answer).getJsonArray("value").getValuesAs(JsonObject.class);
            assertEquals(1, value.size(), answer::body);
            assertFalse(value.get(0).getString("insight").isBlank());
            assertEquals(1, value.get(0).size(), "the insight alone, as Microsoft's schema has it");
        }
    }

    @Test
    void pagesWalkTheRecordsOneAfterTheOtherEachInsightOnce() {
        String opportunity = UUID.randomUUID().toString();
        String account = UUID.randomUUID().toString();
        long opportunityRecord = addRecord("opportunity", opportunity);
        long accountRecord = addRecord("account", account);
        create(opportunityRecord, "{\"key\": \"o1\", \"title\": \"Hub\", \"description\": \"Opportunity first.\","
                + " \"pinned\": true}");
        long second = create(opportunityRecord, "{\"key\": \"o2\", \"title\": \"Hub\", \"description\":"
                + " \"Opportunity second.\", \"dateTime\": \"2026-11-10T08:00:00Z\", \"language\": \"en\"}");
        create(accountRecord, "{\"key\": \"a1\", \"title\": \"Hub\", \"description\": \"Account first.\","
                + " \"priority\": 5}");
        create(accountRecord, "{\"key\": \"a2\", \"title\": \"Hub\", \"description\": \"Account second.\"}");
        create(accountRecord, "{\"key\": \"hidden\", \"title\": \"Hub\", \"description\": \"Not yet.\","
                + " \"visibleFrom\": \"2099-01-01T00:00:00Z\"}");
        String thread = "\"relatedEntities\": [" + entity("account", account, null) + ", "
                + entity("opportunity", opportunity, "connected") + ", " + entity("ACCOUNT", account.toUpperCase(), "")
                + "]";

        List<String> walked = new ArrayList<>();
        boolean more = true;
        for (int skip = 0; more; skip += 2) {
            JsonObject page = Http.json(post(CONTOSO, "{" + EMAIL + ", " + thread + ", \"top\": 2, \"skip\": " + skip
                    + "}"));
            page.getJsonArray("value").getValuesAs(JsonObject.class).forEach(i -> walked.add(i.getString("insight")));
            more = page.getBoolean("hasMoreResults");
            assertTrue(skip <= 6, "hasMoreResults never turned false");
        }
        assertEquals(List.of("Opportunity first.", "Opportunity second.", "Account first.", "Account second."),
                walked, "the connected record first, each record in its read order, the account once");
        assertEquals("{\"value\":[],\"hasMoreResults\":false}", post(CONTOSO, "{" + EMAIL + ", " + thread
                + ", \"skip\": 4}").body());

        // the seller's language, as for the other actions
        HttpResponse<String> translated = as(CURATOR).ifMatch("\"1\"").put("admin/v1/insights/" + second
                + "/translations/de",
                "{\"title\": \"Hub\", \"description\": \"Zweite Chance.\"}");
        assertEquals(200, translated.statusCode(), translated::body);
        HttpResponse<String> german = as(CONTOSO).send("POST", PATH, "{" + EMAIL + ", " + thread + ", \"skip\": 1,"
                + " \"top\": 1}", "Accept-Language", "de-CH, en;q=0.5");
        assertEquals("{\"value\":[{\"insight\":\"Zweite Chance.\"}],\"hasMoreResults\":true}", german.body());
        assertEquals("de", german.headers().firstValue("Content-Language").orElseThrow());

        // a change to the second record reaches an answer cached about both
        String before = post(CONTOSO, "{" + EMAIL + ", " + thread + ", \"top\": 10}").body();
        create(accountRecord, "{\"key\": \"a3\", \"title\": \"Hub\", \"description\": \"Account news.\","
                + " \"priority\": 9}");
        String after = post(CONTOSO, "{" + EMAIL + ", " + thread + ", \"top\": 10}").body();
        assertFalse(before.contains("Account news."));
        assertTrue(after.contains("\"Opportunity second.\"},{\"insight\":\"Account news.\"}"), after);
    }

    @Test
    void withoutRecordsNothingFitsAndAnotherTenantsRecordIsNobodys() {
        assertEquals("{\"value\":[],\"hasMoreResults\":false}", post(CONTOSO, "{" + EMAIL + "}").body());
        assertEquals("{\"value\":[],\"hasMoreResults\":false}", post(CONTOSO, "{" + EMAIL
                + ", \"relatedEntities\": []}").body());
        assertEquals("{\"value\":[],\"hasMoreResults\":false}", post(CONTOSO, "{" + EMAIL + ", \"relatedEntities\": ["
                + entity("opportunity", "006Dn00000A1b2C", "connected") + "]}").body(), "Fabrikam's, not Contoso's");
    }

    @Test
    void itChecksItsBodyAndCallersAsTheOtherActionsDo() {
        String fabrikam = TestTokens.bearer(TestTokens.FABRIKAM);
        String thread = "\"relatedEntities\": [" + entity("opportunity", "006Dn00000A1b2C", "connected") + "]";
        for (String[] bad : List.of(new String[] {"{}", "resourceData"},
                new String[] {"{" + EMAIL + ", \"relatedEntities\": [{\"entityType\": \"opportunity\"}]}",
                    "relatedEntities[0].entityId"},
                new String[] {"{" + EMAIL + ", " + thread + ", \"top\": 0}", "top"},
                new String[] {"{" + EMAIL + ", " + thread + ", \"skip\": \"x\"}", "skip"},
                new String[] {"[1]", null}, new String[] {"not json", null}, new String[] {"", null})) {
            HttpResponse<String> refused = post(fabrikam, bad[0]);
            assertEquals(400, refused.statusCode(), bad[0]);
            JsonObject error = Http.json(refused);
            assertEquals("INVALID_PARAMETER", error.getString("errorCode"), bad[0]);
            if (bad[1] != null) {
                assertTrue(error.getString("errorMessage").startsWith("Parameter '" + bad[1] + "'"), error::toString);
            }
        }
        HttpResponse<String> otherOrg = post(fabrikam, "{" + EMAIL + ", " + thread
                + ", \"crmOrgUrl\": \"https://contoso.crm.dynamics.com/\"}");
        assertEquals(400, otherOrg.statusCode());
        assertEquals("INVALID_CRM_CONNECTION", Http.json(otherOrg).getString("errorCode"));

        HttpResponse<String> unsigned = api().post(PATH, "{" + EMAIL + "}");
        assertEquals(401, unsigned.statusCode());
        assertEquals("INVALID_TOKEN_SPECIFIED", Http.json(unsigned).getString("errorCode"));
        HttpResponse<String> stranger = post(TestTokens.bearer(TestTokens.STRANGER), "{" + EMAIL + "}");
        assertEquals(403, stranger.statusCode());
        assertEquals("INSUFFICIENT_PERMISSIONS", Http.json(stranger).getString("errorCode"));

        HttpResponse<String> text = as(fabrikam).send("POST", PATH, "{" + EMAIL + "}", "Content-Type", "text/plain");
        assertEquals(415, text.statusCode(), text::body);
        assertEquals("UNSUPPORTED_MEDIA_TYPE", Http.json(text).getString("errorCode"));
        // one byte over the limit, declared by Content-Length and sent chunked: refused in the contract's body (over
        // HTTP/1.1: the refusal comes before the whole body is read, which HTTP/2's upgrade does not wait for)
        String huge = "{" + EMAIL + ", \"padding\": \"" + "x".repeat(4 * 1024 * 1024) + "\"}";
        byte[] bytes = huge.substring(0, 4 * 1024 * 1024 + 1).getBytes(StandardCharsets.UTF_8);
        java.net.http.HttpClient http1 = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> tooLarge;
        HttpResponse<String> tooLargeChunked;
        try {
            tooLarge = http1.send(request(fabrikam, "").POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
                    HttpResponse.BodyHandlers.ofString());
            tooLargeChunked = http1.send(request(fabrikam, "").POST(HttpRequest.BodyPublishers.ofInputStream(
                    () -> new java.io.ByteArrayInputStream(bytes))).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
        assertEquals(413, tooLargeChunked.statusCode(), tooLargeChunked::body);
        assertEquals("PAYLOAD_TOO_LARGE", Http.json(tooLargeChunked).getString("errorCode"));
        assertEquals(413, tooLarge.statusCode());
        assertEquals("PAYLOAD_TOO_LARGE", Http.json(tooLarge).getString("errorCode"));
        HttpResponse<String> get = as(fabrikam).get(PATH);
        assertEquals(405, get.statusCode());
        assertEquals("METHOD_NOT_ALLOWED", Http.json(get).getString("errorCode"));
    }

    private static String entity(String type, String id, String source) {
        return "{\"entityType\": \"" + type + "\", \"entityId\": \"" + id + "\""
                + (source == null ? "" : ", \"entitySource\": \"" + source + "\"") + "}";
    }

    private HttpRequest.Builder request(String token, String body) {
        return HttpRequest.newBuilder(api().uri(PATH)).header("Authorization", token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpResponse<String> post(String token, String body) {
        return as(token).post(PATH, body);
    }

    private long addRecord(String type, String id) {
        HttpResponse<String> added = as(CURATOR).post("admin/v1/records", "{\"crmType\": \"Dynamics 365\","
                + " \"orgUrl\": \"contoso.crm.dynamics.com\", \"recordType\": \"" + type + "\", \"recordId\": \"" + id
                + "\"}");
        assertEquals(201, added.statusCode(), added::body);
        return Http.json(added).getJsonNumber("id").longValue();
    }

    private long create(long record, String insight) {
        HttpResponse<String> created = as(CURATOR).post("admin/v1/records/" + record + "/insights", insight);
        assertEquals(201, created.statusCode(), created::body);
        return Http.json(created).getJsonNumber("id").longValue();
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = EmailSummaryIT.class.getResourceAsStream("/golden/" + name)) {
            assertNotNull(in, "missing golden file " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }
}
