package org.salesinsights.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/**
 * The record summary action over HTTP on a real server: the same curated insights as Key sales info, only the
 * dated ones, filtered by their time, with the same checks, paging, languages and security.
 */
class RecordSummaryIT extends DeployedWar {

    private static final String CURATOR = TestTokens.bearer(TestTokens.PARTNER, TestTokens.ADMIN_ROLE);
    private static final String CONTOSO = TestTokens.bearer(TestTokens.CONTOSO);

    @Test
    void onlyDatedInsightsWithinTheWindowInTheSellersLanguage() {
        String opportunity = UUID.randomUUID().toString();
        long record = addRecord(opportunity);
        create(record, "{\"key\": \"undated\", \"title\": \"Undated\", \"description\": \"No time.\"}");
        create(record, "{\"key\": \"early\", \"title\": \"Early\", \"description\": \"Before.\","
                + " \"dateTime\": \"2026-11-01T08:00:00Z\"}");
        long middle = create(record, "{\"key\": \"middle\", \"title\": \"Middle\", \"description\": \"Inside.\","
                + " \"dateTime\": \"2026-11-10T09:00:00+01:00\", \"language\": \"en\","
                + " \"url\": \"https://hub.example.com/m\", \"additionalProperties\": {\"Stage\": \"Closing\"}}");
        create(record, "{\"key\": \"late\", \"title\": \"Late\", \"description\": \"After.\","
                + " \"dateTime\": \"2026-11-20T08:00:00Z\"}");

        assertEquals(List.of("Late", "Middle", "Early"), titles(summary(opportunity, "")),
                "dated ones only, newest first");
        HttpResponse<String> window = summary(opportunity, "&startDateTime=2026-11-10T08:00:00Z"
                + "&endDateTime=2026-11-15T00:00:00%2B02:00");
        assertEquals(200, window.statusCode(), window::body);
        assertEquals("{\"value\":[{\"title\":\"Middle\",\"description\":\"Inside.\",\"url\":\"https://hub.example.com/m\","
                + "\"dateTime\":\"2026-11-10T08:00:00Z\",\"additionalProperties\":{\"Stage\":\"Closing\"}}],"
                + "\"hasMoreResults\":false}", window.body(), "both ends inclusive, offsets honoured");
        assertEquals(List.of("Middle", "Early"), titles(summary(opportunity, "&endDateTime=2026-11-10T08:00:00Z")));
        assertEquals(List.of("Late"), titles(summary(opportunity, "&startDateTime=2026-11-10T08:00:01Z&top=1")));
        JsonObject paged = Http.json(summary(opportunity, "&top=1&skip=1"));
        assertEquals(List.of("Middle"), titles(paged));
        assertTrue(paged.getBoolean("hasMoreResults"));

        HttpResponse<String> translated = as(CURATOR).ifMatch("\"1\"").put("admin/v1/insights/" + middle
                + "/translations/de",
                "{\"title\": \"Mitte\", \"description\": \"Drinnen.\", \"additionalProperties\": {\"Phase\":"
                        + " \"Abschluss\"}}");
        assertEquals(200, translated.statusCode(), translated::body);
        HttpResponse<String> german = as(CONTOSO).get("v1/record-summary-insights?recordType=opportunity&recordId="
                + opportunity + "&startDateTime=2026-11-10T08:00:00Z&endDateTime=2026-11-10T08:00:00Z",
                "Accept-Language", "de-AT, en;q=0.5");
        assertEquals("{\"value\":[{\"title\":\"Mitte\",\"description\":\"Drinnen.\",\"url\":\"https://hub.example.com/m\","
                + "\"dateTime\":\"2026-11-10T08:00:00Z\",\"additionalProperties\":{\"Phase\":\"Abschluss\"}}],"
                + "\"hasMoreResults\":false}", german.body());
        assertEquals("de", german.headers().firstValue("Content-Language").orElseThrow());
        assertEquals("Accept-Language", german.headers().firstValue("Vary").orElseThrow());
    }

    @Test
    void itChecksItsInputsAndCallersAsKeySalesInfoDoes() {
        String demo = "v1/record-summary-insights?recordType=opportunity&recordId=006Dn00000A1b2C&crmType=Salesforce";
        HttpResponse<String> fabrikam = as(TestTokens.bearer(TestTokens.FABRIKAM)).get(demo);
        assertEquals(200, fabrikam.statusCode(), fabrikam::body);
        assertFalse(Http.json(fabrikam).getJsonArray("value").isEmpty());
        Http.json(fabrikam).getJsonArray("value").getValuesAs(JsonObject.class)
                .forEach(insight -> assertTrue(insight.containsKey("dateTime"), insight::toString));

        for (String bad : List.of("&startDateTime=yesterday", "&endDateTime=2026-11-10", "&startDateTime="
                + "2026-11-10T00:00:00Z&endDateTime=2026-11-09T00:00:00Z", "&top=x")) {
            HttpResponse<String> refused = as(TestTokens.bearer(TestTokens.FABRIKAM)).get(demo + bad);
            assertEquals(400, refused.statusCode(), bad);
            assertEquals("INVALID_PARAMETER", Http.json(refused).getString("errorCode"), bad);
        }
        HttpResponse<String> otherOrg = as(TestTokens.bearer(TestTokens.FABRIKAM))
                .get(demo + "&crmOrgUrl=contoso.crm.dynamics.com");
        assertEquals(400, otherOrg.statusCode());
        assertEquals("INVALID_CRM_CONNECTION", Http.json(otherOrg).getString("errorCode"));
        assertEquals("{\"value\":[],\"hasMoreResults\":false}", as(CONTOSO).get(demo).body(),
                "another tenant's record is nobody's");
        HttpResponse<String> unsigned = api().get(demo);
        assertEquals(401, unsigned.statusCode());
        assertEquals("INVALID_TOKEN_SPECIFIED", Http.json(unsigned).getString("errorCode"));
    }

    private long addRecord(String opportunity) {
        HttpResponse<String> added = as(CURATOR).post("admin/v1/records", "{\"crmType\": \"Dynamics 365\","
                + " \"orgUrl\": \"contoso.crm.dynamics.com\", \"recordType\": \"opportunity\", \"recordId\": \""
                + opportunity + "\"}");
        assertEquals(201, added.statusCode(), added::body);
        return Http.json(added).getJsonNumber("id").longValue();
    }

    private long create(long record, String insight) {
        HttpResponse<String> created = as(CURATOR).post("admin/v1/records/" + record + "/insights", insight);
        assertEquals(201, created.statusCode(), created::body);
        return Http.json(created).getJsonNumber("id").longValue();
    }

    private HttpResponse<String> summary(String opportunity, String more) {
        return as(CONTOSO).get("v1/record-summary-insights?recordType=Opportunity&recordId=" + opportunity.toUpperCase()
                + more);
    }

    private static List<String> titles(HttpResponse<String> page) {
        assertEquals(200, page.statusCode(), page::body);
        return titles(Http.json(page));
    }

    private static List<String> titles(JsonObject page) {
        return page.getJsonArray("value").getValuesAs(JsonObject.class).stream().map(i -> i.getString("title"))
                .toList();
    }
}
