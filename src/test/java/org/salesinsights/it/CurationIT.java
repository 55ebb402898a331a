package org.salesinsights.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/**
 * The curators' API over HTTP on a real server: what a curator changes is what sellers then read, nobody's change
 * is overwritten unseen, and every change is on record with who made it.
 */
class CurationIT extends DeployedWar {

    private static final String CURATOR = TestTokens.bearer(TestTokens.PARTNER, TestTokens.ADMIN_ROLE);
    private static final String SELLER = TestTokens.bearer(TestTokens.CONTOSO);

    @Test
    void aCuratorsInsightIsWhatSellersReadAndStaleEditsChangeNothing() {
        String opportunity = UUID.randomUUID().toString();
        long record = addRecord(opportunity);

        HttpResponse<String> tooLong = as(CURATOR).post("admin/v1/records/" + record + "/insights",
                "{\"title\": \"Twenty-one characters\", \"description\": \"Budget approved.\"}");
        assertEquals(400, tooLong.statusCode(), tooLong::body);
        assertEquals(Set.of("title"), Http.json(tooLong).getJsonObject("details").keySet());

        HttpResponse<String> created = as(CURATOR).post("admin/v1/records/" + record + "/insights",
                "{\"title\": \"Budget approved\", \"description\": \"The CFO approved 120 machines.\","
                        + " \"url\": \"https://contosohub.example.com/b/1\", \"dateTime\": \"2026-11-25T10:30:00+01:00\","
                        + " \"additionalProperties\": {\"Amount\": \"120 machines\", \"Owner\": \"CFO\"}}");
        assertEquals(201, created.statusCode(), created::body);
        assertEquals("\"1\"", created.headers().firstValue("ETag").orElseThrow());
        String location = created.headers().firstValue("Location").orElseThrow();
        String insight = location.substring(location.indexOf("admin/v1/"));

        assertEquals("{\"value\":[{\"title\":\"Budget approved\",\"description\":\"The CFO approved 120 machines.\","
                + "\"url\":\"https://contosohub.example.com/b/1\",\"dateTime\":\"2026-11-25T09:30:00Z\","
                + "\"additionalProperties\":{\"Amount\":\"120 machines\",\"Owner\":\"CFO\"}}],\"hasMoreResults\":false}",
                read(opportunity).body(), "sellers read it, time in UTC, properties in order");

        String change = "{\"title\": \"Budget signed\", \"description\": \"The CFO signed for 120 machines.\"}";
        assertEquals(428, as(CURATOR).put(insight, change).statusCode());
        HttpResponse<String> stale = as(CURATOR).ifMatch("\"0\"").put(insight, change);
        assertEquals(412, stale.statusCode(), stale::body);
        assertTrue(read(opportunity).body().contains("Budget approved"), "a stale edit changes nothing");
        HttpResponse<String> updated = as(CURATOR).ifMatch("\"1\"").put(insight, change);
        assertEquals(200, updated.statusCode(), updated::body);
        assertEquals("\"2\"", updated.headers().firstValue("ETag").orElseThrow());
        assertTrue(read(opportunity).body().contains("Budget signed"));
        assertEquals(412, as(CURATOR).ifMatch("\"1\"").put(insight, change).statusCode(),
                "the first version is stale now");

        List<JsonObject> history = Http.array(as(CURATOR).get(insight + "/history"))
                .getValuesAs(JsonObject.class);
        assertEquals(List.of("CREATED", "UPDATED"), history.stream().map(h -> h.getString("action")).toList());
        assertEquals("0b0b0b0b-0000-4000-a000-000000000002", history.get(1).getString("changedBy"));
        assertEquals(2, history.get(1).getInt("version"));

        assertEquals(412, as(CURATOR).ifMatch("\"1\"").delete(insight).statusCode());
        assertEquals(204, as(CURATOR).ifMatch("\"2\"").delete(insight).statusCode());
        assertEquals("{\"value\":[],\"hasMoreResults\":false}", read(opportunity).body());
        assertEquals(404, as(CURATOR).get(insight).statusCode());
        assertTrue(as(CURATOR).get(insight + "/history").body().contains("\"DELETED\""));
    }

    @Test
    void aTranslationReachesSellersWhoAskForItsLanguage() {
        String opportunity = UUID.randomUUID().toString();
        long record = addRecord(opportunity);
        long id = create(record, "Budget approved", "{\"language\": \"en\", \"additionalProperties\":"
                + " {\"Amount\": \"120\"}}");
        String translation = "admin/v1/insights/" + id + "/translations/DE";
        String german = "{\"title\": \"Budget genehmigt\", \"description\": \"Der CFO hat 120 Ger\u00e4te"
                + " genehmigt.\", \"additionalProperties\": {\"Menge\": \"120\"}}";
        assertEquals(428, as(CURATOR).put(translation, german).statusCode());
        assertEquals(412, as(CURATOR).ifMatch("\"7\"").put(translation, german).statusCode());
        HttpResponse<String> translated = as(CURATOR).ifMatch("\"1\"").put(translation, german);
        assertEquals(200, translated.statusCode(), translated::body);
        assertEquals("\"2\"", translated.headers().firstValue("ETag").orElseThrow(), "a translation is a change");
        assertEquals("Budget genehmigt", Http.json(translated).getJsonObject("translations").getJsonObject("de")
                .getString("title"));

        HttpResponse<String> read = as(SELLER).get("v1/opportunity-insights?recordType=opportunity&recordId="
                + opportunity, "Accept-Language", "de-CH");
        assertEquals("{\"value\":[{\"title\":\"Budget genehmigt\",\"description\":\"Der CFO hat 120 Ger\u00e4te"
                + " genehmigt.\",\"additionalProperties\":{\"Menge\":\"120\"}}],\"hasMoreResults\":false}", read.body());
        assertEquals("de", read.headers().firstValue("Content-Language").orElseThrow());

        assertEquals(400, as(CURATOR).ifMatch("\"2\"").put("admin/v1/insights/" + id + "/translations/en", german)
                .statusCode(),
                "its own language is the insight itself");
        assertEquals(200, as(CURATOR).ifMatch("\"2\"").delete(translation).statusCode());
        assertTrue(as(SELLER).get("v1/opportunity-insights?recordType=opportunity&recordId=" + opportunity,
                "Accept-Language", "de").body()
                .contains("Budget approved"));
    }

    @Test
    void validityWindowsAndOrderDecideWhatSellersSee() {
        String opportunity = UUID.randomUUID().toString();
        long record = addRecord(opportunity);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long current = create(record, "Current", "{}");
        long later = create(record, "Later", "{\"visibleFrom\": \"" + now.plus(1, ChronoUnit.DAYS) + "\"}");
        long expired = create(record, "Expired", "{\"visibleFrom\": \"" + now.minus(2, ChronoUnit.DAYS)
                + "\", \"visibleUntil\": \"" + now.minus(1, ChronoUnit.DAYS) + "\"}");
        long second = create(record, "Second", "{}");
        assertEquals(List.of("Second", "Current"), titles(read(opportunity)), "newest first, only those valid now");
        assertEquals(4, Http.array(as(CURATOR).get("admin/v1/records/" + record + "/insights")).size(),
                "curators see all of them");

        HttpResponse<String> reordered = as(CURATOR).put("admin/v1/records/" + record + "/order",
                "{\"insightIds\": [" + current + ", " + second + ", " + later + ", " + expired + "]}");
        assertEquals(200, reordered.statusCode(), reordered::body);
        assertEquals(List.of("Current", "Second"), titles(read(opportunity)));
        assertEquals(400, as(CURATOR).put("admin/v1/records/" + record + "/order",
                "{\"insightIds\": [" + current + "]}").statusCode(), "every insight, once");

        HttpResponse<String> records = as(CURATOR).get("admin/v1/records?crmType=Dynamics%20365&orgUrl="
                + "https://contoso.crm.dynamics.com");
        assertEquals(200, records.statusCode(), records::body);
        assertTrue(records.body().contains("\"recordId\":\"" + opportunity + "\",\"displayName\":\"Curation test\","
                + "\"insightCount\":4"), records::body);
    }

    @Test
    void aCachedAnswerIsServedAgainAndEveryChangeReplacesItAtOnce() {
        String opportunity = UUID.randomUUID().toString();
        long record = addRecord(opportunity);
        long first = create(record, "First", "{\"dateTime\": \"2026-11-01T10:00:00Z\"}");
        long second = create(record, "Second", "{\"dateTime\": \"2026-11-02T10:00:00Z\"}");
        assertEquals(List.of("Second", "First"), titles(read(opportunity)));
        long hits = cacheFigures().getJsonNumber("hits").longValue();
        assertEquals(List.of("Second", "First"), titles(read(opportunity)));
        assertEquals(hits + 1, cacheFigures().getJsonNumber("hits").longValue(), "the second read is a hit");

        // every kind of change is served by this node at once: edit, translation, order, deletion
        assertEquals(200, as(CURATOR).ifMatch("\"1\"").put("admin/v1/insights/" + first,
                "{\"title\": \"First, edited\", \"description\": \"Changed.\", \"dateTime\": \"2026-11-01T10:00:00Z\"}")
                .statusCode());
        assertEquals(List.of("Second", "First, edited"), titles(read(opportunity)));
        HttpResponse<String> german = as(SELLER).get("v1/opportunity-insights?recordType=opportunity&recordId="
                + opportunity, "Accept-Language", "de");
        assertEquals(List.of("Second", "First, edited"), titles(german));
        assertEquals(200, as(CURATOR).ifMatch("\"2\"").put("admin/v1/insights/" + first + "/translations/de",
                "{\"title\": \"Erste\", \"description\": \"Geaendert.\"}").statusCode());
        assertEquals(List.of("Second", "Erste"), titles(as(SELLER).get("v1/opportunity-insights?recordType="
                + "opportunity&recordId=" + opportunity,
                "Accept-Language", "de")));
        assertEquals(200, as(CURATOR).put("admin/v1/records/" + record + "/order",
                "{\"insightIds\": [" + first + ", " + second + "]}").statusCode());
        assertEquals(List.of("First, edited", "Second"), titles(read(opportunity)));
        assertEquals(204, as(CURATOR).ifMatch("\"2\"").delete("admin/v1/insights/" + second).statusCode());
        assertEquals(List.of("First, edited"), titles(read(opportunity)));
    }

    @Test
    void anInsightComesAndGoesWithItsValidityWindowWithoutAWrite() throws InterruptedException {
        String opportunity = UUID.randomUUID().toString();
        long record = addRecord(opportunity);
        Instant boundary = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
        create(record, "Arriving", "{\"visibleFrom\": \"" + boundary + "\"}");
        create(record, "Leaving", "{\"visibleUntil\": \"" + boundary + "\"}");
        assertEquals(List.of("Leaving"), titles(read(opportunity)));
        assertEquals(List.of("Leaving"), titles(read(opportunity)), "from the cache");
        while (Instant.now().isBefore(boundary.plusSeconds(1))) {
            List<String> seen = titles(read(opportunity));
            if (seen.equals(List.of("Arriving"))) {
                assertTrue(!Instant.now().isBefore(boundary), "the insight came before its time");
                return;
            }
            assertEquals(List.of("Leaving"), seen, "the answer changed, but not as its windows say");
            Thread.sleep(50);
        }
        fail("a second after the validity boundary, sellers still read " + read(opportunity).body());
    }

    @Test
    void aFlushDropsEveryCachedAnswerOnThisNode() {
        String opportunity = UUID.randomUUID().toString();
        create(addRecord(opportunity), "Cached", "{}");
        read(opportunity);
        assertTrue(cacheFigures().getJsonNumber("size").longValue() > 0);
        assertEquals(204, as(CURATOR).send("POST", "admin/v1/caches/flush", null).statusCode());
        assertEquals(0, cacheFigures().getJsonNumber("size").longValue());
        assertEquals(List.of("Cached"), titles(read(opportunity)));
        assertEquals(403, as(SELLER).get("admin/v1/caches")
                .statusCode(), "sellers see no cache figures");
    }

    /** This node's answer cache: size, hits, misses. */
    private JsonObject cacheFigures() {
        HttpResponse<String> caches = as(CURATOR).get("admin/v1/caches");
        assertEquals(200, caches.statusCode(), caches::body);
        return Http.json(caches).getJsonObject("answers");
    }

    @Test
    void everyProblemOfADocumentIsListedAndReadersCannotCurate() {
        long record = addRecord(UUID.randomUUID().toString());
        HttpResponse<String> invalid = as(CURATOR).post("admin/v1/records/" + record + "/insights",
                "{\"title\": \"\", \"url\": \"http://plain.example.com\", \"dateTime\": \"yesterday\","
                        + " \"visibleFrom\": \"2026-12-01T00:00:00Z\", \"visibleUntil\": \"2026-11-01T00:00:00Z\","
                        + " \"additionalProperties\": {\" \": \"x\", \"Owner\": \"\"}, \"colour\": \"red\"}");
        assertEquals(400, invalid.statusCode(), invalid::body);
        assertEquals(Set.of("colour", "title", "description", "url", "dateTime", "visibleUntil",
                "additionalProperties. ", "additionalProperties.Owner"),
                Http.json(invalid).getJsonObject("details").keySet());
        HttpResponse<String> reader = as(SELLER).get("admin/v1/records/" + record + "/insights");
        assertEquals(403, reader.statusCode());
        assertFalse(reader.body().contains("value"));
    }

    @Test
    void aFileImportsAllOrNothingTwiceWithoutDuplicatesAndItsExportImportsCleanly() {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String header = "crmType,orgUrl,recordType,recordId,recordName,key,title,description,additionalProperties\r\n";
        String good = "Dynamics 365,https://contoso.crm.dynamics.com,opportunity," + first + ",Imported one,budget,"
                + "Budget approved,\"The CFO approved it, finally.\",\"{\"\"Amount\"\": \"\"120\"\"}\"\r\n"
                + "Dynamics 365,https://contoso.crm.dynamics.com,opportunity," + second + ",Imported two,contract,"
                + "Contract signed,Signed on Monday.,\r\n";
        String bad = "Dynamics 365,https://contoso.crm.dynamics.com,opportunity," + first + ",,late,"
                + "Twenty-one characters,d,\r\n"
                + "Dynamics 365,https://nobody.crm.dynamics.com,opportunity," + first + ",,x,t,d,\r\n";

        HttpResponse<String> refused = importFile("text/csv", header + good + bad);
        assertEquals(400, refused.statusCode(), refused::body);
        assertEquals(List.of("line 4", "line 5"), List.copyOf(Http.json(refused).getJsonObject("details").keySet()));
        assertEquals("{\"value\":[],\"hasMoreResults\":false}", read(first).body(), "nothing was imported");

        HttpResponse<String> imported = importFile("text/csv; charset=utf-8", header + good);
        assertEquals(200, imported.statusCode(), imported::body);
        assertEquals("{\"insights\":2,\"created\":2,\"updated\":0,\"unchanged\":0,\"recordsAdded\":2}",
                imported.body());
        assertEquals("{\"insights\":2,\"created\":0,\"updated\":0,\"unchanged\":2,\"recordsAdded\":0}",
                importFile("text/csv", header + good).body(), "the same file again changes nothing");
        assertEquals(List.of("Budget approved"), titles(read(first)));

        String changed = "{\"insights\": [{\"orgUrl\": \"contoso.crm.dynamics.com\", \"recordType\": \"opportunity\","
                + " \"recordId\": \"" + first + "\", \"key\": \"budget\", \"title\": \"Budget signed\","
                + " \"description\": \"Signed.\", \"language\": \"en\", \"translations\": {\"de\": {\"title\":"
                + " \"Budget unterzeichnet\", \"description\": \"Unterschrieben.\"}}}]}";
        assertEquals("{\"insights\":1,\"created\":0,\"updated\":1,\"unchanged\":0,\"recordsAdded\":0}",
                importFile("application/json", changed).body());
        assertEquals(List.of("Budget signed"), titles(read(first)), "matched by its key: changed, not added");
        assertEquals(List.of("Budget unterzeichnet"), titles(as(SELLER).get("v1/opportunity-insights?recordType="
                + "opportunity&recordId=" + first,
                "Accept-Language", "de")));

    }

    @Test
    void anExportImportsBackCleanly() {
        // an organization of its own: the demo's seeded insights break the write rules on purpose (to show how
        // the read action cuts text), and would be reported on import
        String host = "export-" + UUID.randomUUID().toString().substring(0, 8) + ".crm.dynamics.com";
        HttpResponse<String> tenant = as(CURATOR).put("admin/v1/tenants/" + UUID.randomUUID(),
                "{\"displayName\": \"Export test\", \"organizations\": [{\"crmType\": \"Dynamics 365\","
                        + " \"orgUrl\": \"" + host + "\"}]}");
        assertTrue(tenant.statusCode() == 200 || tenant.statusCode() == 201, tenant::body);
        String record = ", \"orgUrl\": \"" + host + "\", \"recordType\": \"opportunity\", \"recordId\": \""
                + UUID.randomUUID() + "\", \"recordName\": \"Quoted \\\"name\\\", with comma\"";
        String file = "{\"insights\": [{\"key\": \"a\", \"title\": \"=1+1\", \"description\": \"Line, \\\"quoted\\\"\","
                + " \"url\": \"https://hub.example.com/a?x=1,2\", \"dateTime\": \"2026-11-25T10:30:00.123456+01:00\","
                + " \"pinned\": true, \"priority\": -4, \"language\": \"en\", \"visibleUntil\": \"2099-01-01T00:00:00Z\","
                + " \"additionalProperties\": {\"Stage\": \"Closing, soon\", \"Owner\": \"T\"},"
                + " \"translations\": {\"fr-CA\": {\"title\": \"Contrat\", \"description\": \"Sign\u00e9.\"}}"
                + record + "}, {\"key\": \"b\", \"title\": \"Second\", \"description\": \"Plain.\"" + record + "}]}";
        assertEquals(2, Http.json(importFile("application/json", file)).getInt("created"));
        for (String type : List.of("application/json", "text/csv")) {
            HttpResponse<String> export = as(CURATOR).get("admin/v1/export?crmType=Dynamics%20365&orgUrl=" + host,
                    "Accept", type);
            assertEquals(200, export.statusCode(), export::body);
            assertTrue(export.headers().firstValue("Content-Type").orElseThrow().startsWith(type));
            HttpResponse<String> reimported = importFile(type, export.body());
            assertEquals("{\"insights\":2,\"created\":0,\"updated\":0,\"unchanged\":2,\"recordsAdded\":0}",
                    reimported.body(), () -> type + " export:\n" + export.body());
        }
    }

    @Test
    void theSeedScriptTheConfigurationNamesIsServed() {
        // the suite's servers run server-config/seed/seed-template.json after the demo data (it.server.options)
        String northwind = "0a0b0c0d-0000-4000-a000-00000000e500";
        HttpResponse<String> seeded = as(TestTokens.bearer(northwind)).get("v1/opportunity-insights?recordType="
                + "opportunity&recordId=5EED0000-0000-4000-A000-000000000500&crmOrgUrl="
                + "https://northwind.crm4.dynamics.com/", "Accept-Language", "de");
        assertEquals(200, seeded.statusCode(), seeded::body);
        assertEquals("{\"value\":[{\"title\":\"Angebot versandt\",\"description\":\"Angebot Q-2026-118 an den"
                + " Einkauf versandt; Entscheidung in zwei Wochen erwartet.\",\"url\":\"https://hub.northwind.example"
                + ".com/quotes/Q-2026-118\",\"dateTime\":\"2026-11-20T10:00:00Z\"}],\"hasMoreResults\":false}",
                seeded.body());
    }

    @Test
    void theConsoleIsServedLockedDownAndItsSettingsArePublic() {
        HttpResponse<String> page = api().get("../console/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<script type=\"module\" src=\"js/main.js\"></script>"));
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(policy.contains("script-src 'self';") && policy.contains("frame-ancestors 'self'"), policy);
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertEquals(200, api().get("../console/lib/msal-browser/lib/msal-browser.min.js").statusCode(),
                "MSAL comes with the WAR, from npm at build time");

        HttpResponse<String> settings = api().get("console/settings");
        assertEquals(200, settings.statusCode(), settings::body);
        assertEquals("{\"demo\":false,\"adminRole\":\"Insights.Admin\"}", settings.body(),
                "no demo tokens and no Entra sign-in configured for this suite");
    }

    private HttpResponse<String> importFile(String type, String file) {
        return as(CURATOR).send("POST", "admin/v1/import", file, "Content-Type", type);
    }

    private long addRecord(String opportunity) {
        HttpResponse<String> added = as(CURATOR).post("admin/v1/records", "{\"crmType\": \"Dynamics 365\","
                + " \"orgUrl\": \"https://contoso.crm.dynamics.com\", \"recordType\": \"Opportunity\","
                + " \"recordId\": \"{" + opportunity.toUpperCase() + "}\", \"displayName\": \"Curation test\"}");
        assertEquals(201, added.statusCode(), added::body);
        JsonObject record = Http.json(added);
        assertEquals(opportunity, record.getString("recordId"));
        assertEquals(200, as(CURATOR).post("admin/v1/records", "{\"crmType\": \"Dynamics 365\", \"orgUrl\":"
                + " \"contoso.crm.dynamics.com\", \"recordType\": \"opportunity\", \"recordId\": \"" + opportunity
                + "\"}").statusCode(), "adding it again finds it");
        HttpResponse<String> blank = as(CURATOR).post("admin/v1/records", "{\"crmType\": \"Dynamics 365\","
                + " \"orgUrl\": \"contoso.crm.dynamics.com\", \"recordType\": \"account\", \"recordId\": \""
                + opportunity + "\", \"displayName\": \"  \"}");
        assertEquals(201, blank.statusCode(), blank::body);
        assertFalse(Http.json(blank).containsKey("displayName") && !Http.json(blank).isNull("displayName"),
                "a blank name is no name");
        return record.getJsonNumber("id").longValue();
    }

    private long create(long record, String title, String extra) {
        String body = extra.replaceFirst("^\\{", "{\"title\": \"" + title + "\", \"description\": \"About "
                + title + ".\"" + (extra.equals("{}") ? "" : ", "));
        HttpResponse<String> created = as(CURATOR).post("admin/v1/records/" + record + "/insights", body);
        assertEquals(201, created.statusCode(), created::body);
        return Http.json(created).getJsonNumber("id").longValue();
    }

    private static List<String> titles(HttpResponse<String> page) {
        return Http.json(page).getJsonArray("value").getValuesAs(JsonObject.class).stream()
                .map(i -> i.getString("title")).toList();
    }

    private HttpResponse<String> read(String opportunity) {
        return as(SELLER).get("v1/opportunity-insights?recordType=opportunity&recordId=" + opportunity);
    }
}
