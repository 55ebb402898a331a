package org.salesinsights.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/**
 * The CRM record details action over HTTP on a real server, and the curators' API that feeds it: records related to a
 * CRM record, as curators write them, read by the Sales app with Microsoft's fields, the read actions' checks, paging,
 * security and cache (a curator's change is served at once).
 */
class RelatedRecordsIT extends DeployedWar {

    private static final String CONTOSO_OPPORTUNITY = "d1c6a4e2-5f3b-4c8e-9a7d-2b1e0f6c3a91";
    private static final String CURATOR = TestTokens.bearer(TestTokens.PARTNER, TestTokens.ADMIN_ROLE);
    private static final String CONTOSO = TestTokens.bearer(TestTokens.CONTOSO);

    @Test
    void theDemoOpportunityAnswersByteForByte() throws IOException {
        HttpResponse<String> answer = related(CONTOSO, "recordType=Opportunity&recordId=%7B"
                + CONTOSO_OPPORTUNITY.toUpperCase() + "%7D&crmType=Dynamics365&crmOrgUrl=https://contoso.crm.dynamics.com/"
                + "&top=2");
        assertEquals(200, answer.statusCode(), answer::body);
        assertEquals(golden("contoso-opportunity-related-top2.json"), answer.body());
        assertEquals("en", answer.headers().firstValue("Content-Language").orElseThrow());
    }

    @Test
    void everyDemoTenantHasRelatedRecordsOnARecord() {
        for (String[] record : List.of(new String[] {TestTokens.FABRIKAM, "opportunity", "006Dn00000A1b2C"},
                new String[] {TestTokens.ADATUM, "opportunity", "a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d"},
                new String[] {TestTokens.CONTOSO, "opportunity", CONTOSO_OPPORTUNITY})) {
            HttpResponse<String> answer = related(TestTokens.bearer(record[0]), "recordType=" + record[1]
                    + "&recordId=" + record[2]);
            assertEquals(200, answer.statusCode(), answer::body);
            assertFalse(Http.json(answer).getJsonArray("value").isEmpty(), answer::body);
        }
        assertEquals("{\"value\":[],\"hasMoreResults\":false}", related(CONTOSO, "recordType=opportunity&recordId="
                + "006Dn00000A1b2C").body(), "Fabrikam's record is nobody's to Contoso");
    }

    @Test
    void curatorsWriteWhatSellersReadAtOnce() {
        String opportunity = UUID.randomUUID().toString();
        long record = addRecord(opportunity);
        String read = "recordType=opportunity&recordId=" + opportunity;
        assertEquals("{\"value\":[],\"hasMoreResults\":false}", related(CONTOSO, read).body(), "none yet (cached)");

        HttpResponse<String> created = as(CURATOR).post("admin/v1/records/" + record + "/related-records",
                "{\"recordId\": \"C-1\", \"recordType\": \"contract\", \"recordTypeDisplayName\": \"Contract\","
                        + " \"recordTypePluralDisplayName\": \"Contracts\", \"recordTitle\": \"Renewal 2026\","
                        + " \"url\": \"https://hub.example.com/c/1\", \"language\": \"en\", \"priority\": 1,"
                        + " \"additionalProperties\": {\"Status\": \"Signed\", \"Owner\": \"Kenny Smith\"}}");
        assertEquals(201, created.statusCode(), created::body);
        assertEquals("\"1\"", created.headers().firstValue("ETag").orElseThrow().replace("W/", ""));
        long id = Http.json(created).getJsonNumber("id").longValue();
        assertEquals("{\"value\":[{\"recordId\":\"C-1\",\"recordTypeDisplayName\":\"Contract\","
                + "\"recordTypePluralDisplayName\":\"Contracts\",\"recordType\":\"contract\",\"recordTitle\":"
                + "\"Renewal 2026\",\"url\":\"https://hub.example.com/c/1\",\"additionalProperties\":{\"Status\":"
                + "\"Signed\",\"Owner\":\"Kenny Smith\"}}],\"hasMoreResults\":false}", related(CONTOSO, read).body(),
                "the cached empty answer went with the change");

        for (int i = 2; i <= 4; i++) {
            assertEquals(201, as(CURATOR).post("admin/v1/records/" + record + "/related-records", "{\"recordId\":"
                    + " \"Q-" + i + "\", \"recordType\": \"quote\", \"recordTypeDisplayName\": \"Quote\","
                    + " \"recordTypePluralDisplayName\": \"Quotes\", \"recordTitle\": \"Quote " + i + "\"}")
                    .statusCode());
        }
        List<String> walked = new ArrayList<>();
        boolean more = true;
        for (int skip = 0; more; skip += 3) {
            JsonObject page = Http.json(related(CONTOSO, read + "&top=3&skip=" + skip));
            page.getJsonArray("value").getValuesAs(JsonObject.class).forEach(r -> walked.add(r.getString("recordId")));
            more = page.getBoolean("hasMoreResults");
            assertTrue(skip <= 6, "hasMoreResults never turned false");
        }
        assertEquals(List.of("C-1", "Q-4", "Q-3", "Q-2"), walked, "priority first, then newest first");

        HttpResponse<String> duplicate = as(CURATOR).post("admin/v1/records/" + record + "/related-records",
                "{\"recordId\": \"C-1\", \"recordType\": \"contract\", \"recordTypeDisplayName\": \"Contract\","
                        + " \"recordTypePluralDisplayName\": \"Contracts\", \"recordTitle\": \"Again\"}");
        assertEquals(409, duplicate.statusCode(), duplicate::body);
        HttpResponse<String> invalid = as(CURATOR).post("admin/v1/records/" + record + "/related-records",
                "{\"recordId\": \"\", \"recordType\": \"a contract\", \"recordTitle\": 5, \"url\": \"ftp://x\","
                        + " \"colour\": \"red\"}");
        assertEquals(400, invalid.statusCode());
        JsonObject details = Http.json(invalid).getJsonObject("details");
        assertEquals(java.util.Set.of("colour", "recordId", "recordType", "recordTypeDisplayName",
                "recordTypePluralDisplayName", "recordTitle", "url"), details.keySet(), details::toString);

        String change = "{\"recordId\": \"C-1\", \"recordType\": \"contract\", \"recordTypeDisplayName\":"
                + " \"Contract\", \"recordTypePluralDisplayName\": \"Contracts\", \"recordTitle\": \"Renewal 2026,"
                + " signed\", \"priority\": 1}";
        assertEquals(428, as(CURATOR).put("admin/v1/related-records/" + id, change).statusCode());
        assertEquals(412, as(CURATOR).ifMatch("\"7\"").put("admin/v1/related-records/" + id, change).statusCode());
        HttpResponse<String> changed = as(CURATOR).ifMatch("\"1\"").put("admin/v1/related-records/" + id, change);
        assertEquals(200, changed.statusCode(), changed::body);
        assertEquals("\"2\"", changed.headers().firstValue("ETag").orElseThrow().replace("W/", ""));
        JsonObject first = Http.json(related(CONTOSO, read + "&top=1")).getJsonArray("value").getJsonObject(0);
        assertEquals("Renewal 2026, signed", first.getString("recordTitle"));
        assertFalse(first.containsKey("additionalProperties"), "none now");
        assertFalse(first.containsKey("url"));

        assertEquals(4, Http.array(as(CURATOR).get("admin/v1/records/" + record + "/related-records"))
                .size());
        assertEquals(412, as(CURATOR).ifMatch("\"1\"").delete("admin/v1/related-records/" + id).statusCode());
        assertEquals(204, as(CURATOR).ifMatch("\"2\"").delete("admin/v1/related-records/" + id).statusCode());
        assertEquals(404, as(CURATOR).get("admin/v1/related-records/" + id).statusCode());
        assertEquals("Q-4", Http.json(related(CONTOSO, read + "&top=1")).getJsonArray("value").getJsonObject(0)
                .getString("recordId"), "the deleted one is gone from the sellers' answer");
        assertEquals(403, as(CONTOSO).get("admin/v1/records/" + record + "/related-records").statusCode(),
                "sellers do not curate");
    }

    @Test
    void theExportCarriesRelatedRecordsAndAnImportBringsThemBack() {
        HttpResponse<String> exported = as(CURATOR).get("admin/v1/export?crmType=Dynamics%20365"
                + "&orgUrl=adatum.crm4.dynamics.com", "Accept", "application/json");
        assertEquals(200, exported.statusCode(), exported::body);
        JsonObject file = Http.json(exported);
        assertEquals("V-7781", file.getJsonArray("relatedRecords").getJsonObject(0).getString("recordId"));
        assertEquals("adatum.crm4.dynamics.com", file.getJsonArray("relatedRecords").getJsonObject(0)
                .getJsonObject("crmRecord").getString("orgUrl"));

        // the related records exported, imported again (the demo's seeded insights hold texts longer than a curator's
        // import takes, which a seed may)
        HttpResponse<String> again = importFile("{\"insights\": [], \"relatedRecords\": "
                + file.getJsonArray("relatedRecords") + "}");
        assertEquals(200, again.statusCode(), again::body);
        assertEquals("{\"relatedRecords\":1,\"created\":0,\"updated\":0,\"unchanged\":1}",
                Http.json(again).getJsonObject("relatedRecords").toString(), "imported again: nothing changes");

        String lead = UUID.randomUUID().toString();
        String entry = "{\"crmRecord\": {\"crmType\": \"Dynamics 365\", \"orgUrl\": \"adatum.crm4.dynamics.com\","
                + " \"recordType\": \"lead\", \"recordId\": \"" + lead + "\"}, \"recordId\": \"A-1\","
                + " \"recordType\": \"case\", \"recordTypeDisplayName\": \"Fall\", \"recordTypePluralDisplayName\":"
                + " \"Fälle\", \"recordTitle\": \"Lieferung verspätet\", \"language\": \"de\"}";
        HttpResponse<String> imported = importFile("{\"insights\": [], \"relatedRecords\": [" + entry + "]}");
        assertEquals(200, imported.statusCode(), imported::body);
        assertEquals(1, Http.json(imported).getInt("recordsAdded"), "the lead is added");
        assertEquals(1, Http.json(imported).getJsonObject("relatedRecords").getInt("created"));
        HttpResponse<String> read = related(TestTokens.bearer(TestTokens.ADATUM), "recordType=lead&recordId=" + lead);
        assertEquals("{\"value\":[{\"recordId\":\"A-1\",\"recordTypeDisplayName\":\"Fall\","
                + "\"recordTypePluralDisplayName\":\"Fälle\",\"recordType\":\"case\",\"recordTitle\":"
                + "\"Lieferung verspätet\"}],\"hasMoreResults\":false}", read.body());
        assertEquals("de", read.headers().firstValue("Content-Language").orElseThrow());

        HttpResponse<String> nobodys = importFile("{\"insights\": [], \"relatedRecords\": [" + entry.replace(
                "adatum.crm4.dynamics.com", "nobody.crm.dynamics.com") + "]}");
        assertEquals(400, nobodys.statusCode(), nobodys::body);
        assertTrue(nobodys.body().contains("names no registered"), nobodys::body);
    }

    private HttpResponse<String> importFile(String json) {
        return as(CURATOR).post("admin/v1/import", json);
    }

    @Test
    void itChecksItsInputsAndCallersAsKeySalesInfoDoes() {
        String fabrikam = TestTokens.bearer(TestTokens.FABRIKAM);
        for (String bad : List.of("recordId=006Dn00000A1b2C", "recordType=opportunity", "recordType=opportunity"
                + "&recordId=nope", "recordType=opportunity&recordId=006Dn00000A1b2C&top=0",
                "recordType=opportunity&recordId=006Dn00000A1b2C&skip=-1",
                "recordType=opportunity&recordId=006Dn00000A1b2C&crmType=SAP")) {
            HttpResponse<String> refused = related(fabrikam, bad);
            assertEquals(400, refused.statusCode(), bad);
            assertEquals("INVALID_PARAMETER", Http.json(refused).getString("errorCode"), bad);
        }
        HttpResponse<String> otherOrg = related(fabrikam, "recordType=opportunity&recordId=006Dn00000A1b2C"
                + "&crmOrgUrl=contoso.crm.dynamics.com");
        assertEquals(400, otherOrg.statusCode());
        assertEquals("INVALID_CRM_CONNECTION", Http.json(otherOrg).getString("errorCode"));
        HttpResponse<String> unsigned = api().get("v1/related-records?recordType=opportunity&recordId="
                + "006Dn00000A1b2C");
        assertEquals(401, unsigned.statusCode());
        assertEquals("INVALID_TOKEN_SPECIFIED", Http.json(unsigned).getString("errorCode"));
        HttpResponse<String> stranger = related(TestTokens.bearer(TestTokens.STRANGER), "recordType=opportunity"
                + "&recordId=006Dn00000A1b2C");
        assertEquals(403, stranger.statusCode());
        assertEquals("INSUFFICIENT_PERMISSIONS", Http.json(stranger).getString("errorCode"));
    }

    private HttpResponse<String> related(String token, String query) {
        return as(token).get("v1/related-records?" + query);
    }

    private long addRecord(String opportunity) {
        HttpResponse<String> added = as(CURATOR).post("admin/v1/records", "{\"crmType\": \"Dynamics 365\","
                + " \"orgUrl\": \"contoso.crm.dynamics.com\", \"recordType\": \"opportunity\", \"recordId\": \""
                + opportunity + "\"}");
        assertEquals(201, added.statusCode(), added::body);
        return Http.json(added).getJsonNumber("id").longValue();
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = RelatedRecordsIT.class.getResourceAsStream("/golden/" + name)) {
            assertNotNull(in, "missing golden file " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }
}
