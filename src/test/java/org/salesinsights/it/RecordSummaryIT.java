package org.salesinsights.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The record summary action over HTTP on a real server: the same curated insights as Key sales info, only the
 * dated ones, filtered by their time, with the same checks, paging, languages and security.
 */
@ExtendWith(ArquillianExtension.class)
class RecordSummaryIT {

    private static final String CURATOR = TestTokens.bearer(TestTokens.PARTNER, TestTokens.ADMIN_ROLE);
    private static final String CONTOSO = TestTokens.bearer(TestTokens.CONTOSO);

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("insights.war")));
    }

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

        HttpResponse<String> translated = send("PUT", "admin/v1/insights/" + middle + "/translations/de", "\"1\"",
                "{\"title\": \"Mitte\", \"description\": \"Drinnen.\", \"additionalProperties\": {\"Phase\":"
                        + " \"Abschluss\"}}");
        assertEquals(200, translated.statusCode(), translated::body);
        HttpResponse<String> german = Http.get(uri("v1/record-summary-insights?recordType=opportunity&recordId="
                + opportunity + "&startDateTime=2026-11-10T08:00:00Z&endDateTime=2026-11-10T08:00:00Z"),
                "Authorization", CONTOSO, "Accept-Language", "de-AT, en;q=0.5");
        assertEquals("{\"value\":[{\"title\":\"Mitte\",\"description\":\"Drinnen.\",\"url\":\"https://hub.example.com/m\","
                + "\"dateTime\":\"2026-11-10T08:00:00Z\",\"additionalProperties\":{\"Phase\":\"Abschluss\"}}],"
                + "\"hasMoreResults\":false}", german.body());
        assertEquals("de", german.headers().firstValue("Content-Language").orElseThrow());
        assertEquals("Accept-Language", german.headers().firstValue("Vary").orElseThrow());
    }

    @Test
    void itChecksItsInputsAndCallersAsKeySalesInfoDoes() {
        String demo = "v1/record-summary-insights?recordType=opportunity&recordId=006Dn00000A1b2C&crmType=Salesforce";
        HttpResponse<String> fabrikam = Http.get(uri(demo), "Authorization", TestTokens.bearer(TestTokens.FABRIKAM));
        assertEquals(200, fabrikam.statusCode(), fabrikam::body);
        assertFalse(Http.json(fabrikam).getJsonArray("value").isEmpty());
        Http.json(fabrikam).getJsonArray("value").getValuesAs(JsonObject.class)
                .forEach(insight -> assertTrue(insight.containsKey("dateTime"), insight::toString));

        for (String bad : List.of("&startDateTime=yesterday", "&endDateTime=2026-11-10", "&startDateTime="
                + "2026-11-10T00:00:00Z&endDateTime=2026-11-09T00:00:00Z", "&top=x")) {
            HttpResponse<String> refused = Http.get(uri(demo + bad), "Authorization",
                    TestTokens.bearer(TestTokens.FABRIKAM));
            assertEquals(400, refused.statusCode(), bad);
            assertEquals("INVALID_PARAMETER", Http.json(refused).getString("errorCode"), bad);
        }
        HttpResponse<String> otherOrg = Http.get(uri(demo + "&crmOrgUrl=contoso.crm.dynamics.com"), "Authorization",
                TestTokens.bearer(TestTokens.FABRIKAM));
        assertEquals(400, otherOrg.statusCode());
        assertEquals("INVALID_CRM_CONNECTION", Http.json(otherOrg).getString("errorCode"));
        assertEquals("{\"value\":[],\"hasMoreResults\":false}", Http.get(uri(demo), "Authorization", CONTOSO).body(),
                "another tenant's record is nobody's");
        HttpResponse<String> unsigned = Http.get(uri(demo));
        assertEquals(401, unsigned.statusCode());
        assertEquals("INVALID_TOKEN_SPECIFIED", Http.json(unsigned).getString("errorCode"));
    }

    private long addRecord(String opportunity) {
        HttpResponse<String> added = send("POST", "admin/v1/records", null, "{\"crmType\": \"Dynamics 365\","
                + " \"orgUrl\": \"contoso.crm.dynamics.com\", \"recordType\": \"opportunity\", \"recordId\": \""
                + opportunity + "\"}");
        assertEquals(201, added.statusCode(), added::body);
        return Http.json(added).getJsonNumber("id").longValue();
    }

    private long create(long record, String insight) {
        HttpResponse<String> created = send("POST", "admin/v1/records/" + record + "/insights", null, insight);
        assertEquals(201, created.statusCode(), created::body);
        return Http.json(created).getJsonNumber("id").longValue();
    }

    private HttpResponse<String> summary(String opportunity, String more) {
        return Http.get(uri("v1/record-summary-insights?recordType=Opportunity&recordId=" + opportunity.toUpperCase()
                + more), "Authorization", CONTOSO);
    }

    private static List<String> titles(HttpResponse<String> page) {
        assertEquals(200, page.statusCode(), page::body);
        return titles(Http.json(page));
    }

    private static List<String> titles(JsonObject page) {
        return page.getJsonArray("value").getValuesAs(JsonObject.class).stream().map(i -> i.getString("title"))
                .toList();
    }

    private HttpResponse<String> send(String method, String path, String ifMatch, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Authorization", CURATOR)
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return Http.send(request.build());
    }

    private URI uri(String path) {
        try {
            return base.toURI().resolve("api/" + path);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
