package org.salesinsights.insights.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.salesinsights.insights.entity.CrmType;
import org.salesinsights.platform.errors.ApiException;

/** The email summary's body: Microsoft's members, each checked as the read actions check their parameters. */
class EmailInsightsRequestParserTest {

    private static final String GUID = "d1c6a4e2-5f3b-4c8e-9a7d-2b1e0f6c3a91";
    private static final String OTHER = "0b9c1f4e-1111-4c8e-9a7d-2b1e0f6c3a91";
    private static final String EMAIL = "\"resourceData\": {\"subject\": \"Renewal\", \"from\": \"a@contoso.com\","
            + " \"to\": [\"b@fabrikam.com\"], \"sentDateTime\": \"2026-11-30T10:00:00+01:00\"}";
    private final EmailInsightsRequestParser parser = new EmailInsightsRequestParser(
            new InsightsQueryParser(new PagingLimits(5, 50)));

    @Test
    void theRecordsComeNormalizedConnectedOnesFirstEachOnce() {
        EmailInsightsQuery query = parser.parse("{" + EMAIL + ", \"relatedEntities\": ["
                + "{\"entityType\": \"Account\", \"entityId\": \"" + OTHER + "\"},"
                + "{\"entityType\": \"opportunity\", \"entityId\": \"{" + GUID.toUpperCase() + "}\", \"entitySource\":"
                + " \"Connected\"},"
                + "{\"entityType\": \"account\", \"entityId\": \"" + OTHER.toUpperCase() + "\", \"entitySource\": \"\"}],"
                + " \"crmType\": \"Dynamics 365\", \"crmOrgUrl\": \"https://contoso.crm.dynamics.com/\", \"top\": 3,"
                + " \"skip\": 2}");
        Optional<String> host = Optional.of("contoso.crm.dynamics.com");
        assertEquals(List.of(new CrmRecordKey(CrmType.DYNAMICS_365, host, "opportunity", GUID),
                new CrmRecordKey(CrmType.DYNAMICS_365, host, "account", OTHER)), query.records());
        assertEquals(new PageRequest(3, 2), query.page());
    }

    @Test
    void withoutRecordsTheQueryIsEmptyAndStillChecked() {
        assertEquals(new EmailInsightsQuery(List.of(), new PageRequest(5, 0)), parser.parse("{" + EMAIL + "}"));
        assertEquals(new EmailInsightsQuery(List.of(), new PageRequest(50, 0)),
                parser.parse("{" + EMAIL + ", \"relatedEntities\": null, \"top\": \"500\"}"), "top is clamped");
        assertEquals(List.of(), parser.parse("{" + EMAIL + ", \"relatedEntities\": []}").records());
        assertMistake("{" + EMAIL + ", \"top\": 0}", "top");
        assertMistake("{" + EMAIL + ", \"crmOrgUrl\": \"not a host\"}", "crmOrgUrl");
        assertMistake("{" + EMAIL + ", \"crmType\": \"SAP\"}", "crmType");
    }

    @Test
    void theSalesforceFormOfAnIdIsFoundFromItsShape() {
        CrmRecordKey key = parser.parse("{" + EMAIL + ", \"relatedEntities\": [{\"entityType\": \"opportunity\","
                + " \"entityId\": \"006Dn00000A1b2C\"}]}").records().get(0);
        assertEquals(CrmType.SALESFORCE, key.crmType());
        assertEquals("006Dn00000A1b2C" + CrmRecordIds.caseSuffix("006Dn00000A1b2C"), key.recordId());
    }

    @Test
    void onlyTheFirstRecordsOfAVeryLongThreadAreRead() {
        StringBuilder entities = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            entities.append(i == 0 ? "" : ",").append("{\"entityType\": \"contact\", \"entityId\": \"")
                    .append(String.format("%08x", i)).append(GUID.substring(8)).append("\"}");
        }
        EmailInsightsQuery query = parser.parse("{" + EMAIL + ", \"relatedEntities\": [" + entities + "]}");
        assertEquals(EmailInsightsRequestParser.MAX_RELATED_ENTITIES, query.records().size());
        assertEquals("00000000" + GUID.substring(8), query.records().get(0).recordId());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{}| resourceData",
        "{\"resourceData\": \"hello\"}| resourceData",
        "{\"resourceData\": null}| resourceData",
        "{EMAIL, \"relatedEntities\": {}}| relatedEntities",
        "{EMAIL, \"relatedEntities\": [1]}| relatedEntities[0]",
        "{EMAIL, \"relatedEntities\": [{\"entityType\": \"account\", \"entityId\": \"GUID\"}, {\"entityId\": \"GUID\"}]}"
                + "| relatedEntities[1].entityType",
        "{EMAIL, \"relatedEntities\": [{\"entityType\": \"account\", \"entityId\": \"nope\"}]}"
                + "| relatedEntities[0].entityId",
        "{EMAIL, \"relatedEntities\": [{\"entityType\": \"account\", \"entityId\": 12}]}| relatedEntities[0].entityId",
        "{EMAIL, \"relatedEntities\": [{\"entityType\": \"a b\", \"entityId\": \"GUID\"}]}"
                + "| relatedEntities[0].entityType",
        "{EMAIL, \"relatedEntities\": [{\"entityType\": \"account\", \"entityId\": \"GUID\", \"entitySource\": 1}]}"
                + "| relatedEntities[0].entitySource",
        "{EMAIL, \"relatedEntities\": [{\"entityType\": \"account\", \"entityId\": \"006Dn00000A1b2C\"}],"
                + " \"crmType\": \"Dynamics 365\"}| relatedEntities[0].entityId",
        "{EMAIL, \"top\": -1}| top",
        "{EMAIL, \"top\": 1.5}| top",
        "{EMAIL, \"top\": true}| top",
        "{EMAIL, \"skip\": 99999999999}| skip",
        "{EMAIL, \"skip\": \"1e3\"}| skip",
        "{EMAIL, \"crmType\": 365}| crmType",
        "{EMAIL, \"crmOrgUrl\": \"contoso\\u0000.crm.dynamics.com\"}| crmOrgUrl",
    })
    void everyMistakeNamesTheMemberItIsAbout(String body, String member) {
        assertMistake(body.replace("EMAIL", EMAIL).replace("GUID", GUID), member.strip());
    }

    @Test
    void aBodyThatIsNoJsonObjectIsRefused() {
        for (String body : List.of("", "[]", "\"text\"", "{\"resourceData\": {", "null")) {
            ApiException refused = assertThrows(ApiException.class, () -> parser.parse(body), body);
            assertEquals(400, refused.status(), body);
        }
    }

    private void assertMistake(String body, String member) {
        InvalidParameterException refused = assertThrows(InvalidParameterException.class, () -> parser.parse(body),
                body);
        assertEquals(member, refused.parameter(), refused::getMessage);
        assertEquals(400, refused.status());
    }
}
