package org.salesinsights.insights.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.salesinsights.insights.entity.CrmType;

class InsightsQueryParserTest {

    private static final String GUID = "d1c6a4e2-5f3b-4c8e-9a7d-2b1e0f6c3a91";
    private final InsightsQueryParser parser = new InsightsQueryParser(new PagingLimits(5, 50));

    @Test
    void onlyRecordTypeAndRecordIdAreNeeded() {
        InsightsQuery query = parser.parse("Opportunity", "{" + GUID.toUpperCase() + "}", null, null, null, null);
        assertEquals(new CrmRecordKey(CrmType.DYNAMICS_365, Optional.empty(), "opportunity", GUID), query.record());
        assertEquals(new PageRequest(5, 0), query.page());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Dynamics 365", "Dynamics365", "dynamics365", "DYNAMICS 365", "dynamics 365"})
    void everyNameOfDynamicsIsAccepted(String crmType) {
        assertEquals(CrmType.DYNAMICS_365, parser.parse("account", GUID, crmType, null, null, null).record().crmType());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Salesforce", "salesforce", "SALESFORCE"})
    void everyCaseOfSalesforceIsAccepted(String crmType) {
        CrmRecordKey key = parser.parse("lead", "00QDn00000Lm3Np", crmType, null, null, null).record();
        assertEquals(CrmType.SALESFORCE, key.crmType());
        assertEquals("00QDn00000Lm3Np" + CrmRecordIds.caseSuffix("00QDn00000Lm3Np"), key.recordId());
    }

    @Test
    void theOrgUrlBecomesItsHost() {
        CrmRecordKey key = parser.parse("account", GUID, null, "https://Contoso.crm.dynamics.com/", null, null).record();
        assertEquals(Optional.of("contoso.crm.dynamics.com"), key.orgHost());
    }

    @Test
    void topAboveTheMaximumIsClamped() {
        assertEquals(new PageRequest(50, 7), parser.parse("account", GUID, null, null, "1000", "7").page());
        assertEquals(new PageRequest(50, 0), parser.parse("account", GUID, null, null, "2147483647", null).page());
    }

    @Test
    void blankOptionalParametersAreAbsent() {
        InsightsQuery query = parser.parse("account", GUID, " ", "", "", " ");
        assertEquals(new PageRequest(5, 0), query.page());
        assertEquals(Optional.empty(), query.record().orgHost());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "recordType missing        | NULL        | " + GUID + " | NULL       | NULL                  | NULL | NULL | recordType",
        "recordType blank          | '  '        | " + GUID + " | NULL       | NULL                  | NULL | NULL | recordType",
        "recordType not a name     | 'opp/../x'  | " + GUID + " | NULL       | NULL                  | NULL | NULL | recordType",
        "recordId missing          | account     | NULL         | NULL       | NULL                  | NULL | NULL | recordId",
        "recordId of no CRM        | account     | 12345        | NULL       | NULL                  | NULL | NULL | recordId",
        "GUID named Salesforce     | account     | " + GUID + " | Salesforce | NULL                  | NULL | NULL | recordId",
        "Salesforce id as Dynamics | account     | 001Dn00000XyZ9q | Dynamics365 | NULL             | NULL | NULL | recordId",
        "unknown crmType           | account     | " + GUID + " | SAP        | NULL                  | NULL | NULL | crmType",
        "malformed crmOrgUrl       | account     | " + GUID + " | NULL       | 'ftp://contoso.com/'  | NULL | NULL | crmOrgUrl",
        "top not a number          | account     | " + GUID + " | NULL       | NULL                  | five | NULL | top",
        "top negative              | account     | " + GUID + " | NULL       | NULL                  | -1   | NULL | top",
        "top zero                  | account     | " + GUID + " | NULL       | NULL                  | 0    | NULL | top",
        "top decimal               | account     | " + GUID + " | NULL       | NULL                  | 1.5  | NULL | top",
        "top beyond int            | account     | " + GUID + " | NULL       | NULL                  | 9999999999 | NULL | top",
        "top too long              | account     | " + GUID + " | NULL       | NULL                  | 00000000001 | NULL | top",
        "skip negative             | account     | " + GUID + " | NULL       | NULL                  | NULL | -5   | skip",
        "skip not a number         | account     | " + GUID + " | NULL       | NULL                  | NULL | 0x10 | skip",
        "skip beyond the maximum   | account     | " + GUID + " | NULL       | NULL                  | NULL | 100001 | skip",
    })
    void badInputNamesTheParameter(String name, String recordType, String recordId, String crmType, String crmOrgUrl,
            String top, String skip, String parameter) {
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> parser.parse(recordType, recordId, crmType, crmOrgUrl, top, skip));
        assertEquals(parameter, e.parameter());
        assertTrue(e.getMessage().contains("'" + parameter + "'"), e.getMessage());
        assertEquals(400, e.status());
    }

    @Test
    void overLongValuesAreRefusedBeforeAnyOtherCheck() {
        String longId = "a".repeat(InsightsQueryParser.MAX_RECORD_ID_LENGTH + 1);
        assertEquals("recordId", assertThrows(InvalidParameterException.class,
                () -> parser.parse("account", longId, null, null, null, null)).parameter());
        String longUrl = "https://" + "a".repeat(InsightsQueryParser.MAX_CRM_ORG_URL_LENGTH) + ".com/";
        assertEquals("crmOrgUrl", assertThrows(InvalidParameterException.class,
                () -> parser.parse("account", GUID, null, longUrl, null, null)).parameter());
        String longType = "a".repeat(InsightsQueryParser.MAX_RECORD_TYPE_LENGTH + 1);
        assertEquals("recordType", assertThrows(InvalidParameterException.class,
                () -> parser.parse(longType, GUID, null, null, null, null)).parameter());
    }

    @ParameterizedTest
    @ValueSource(strings = {"acc\u0000ount", "account\n", "acc\u001bount", "acc\u0085ount", "acc\u007fount"})
    void controlCharactersAreRefused(String recordType) {
        assertEquals("recordType", assertThrows(InvalidParameterException.class,
                () -> parser.parse(recordType, GUID, null, null, null, null)).parameter());
    }

    @Test
    void brokenSurrogatesAreRefused() {
        assertEquals("crmOrgUrl", assertThrows(InvalidParameterException.class,
                () -> parser.parse("account", GUID, null, "contoso\uD800.com", null, null)).parameter());
    }

    @Test
    void pagingLimitsMustBeConsistent() {
        assertThrows(IllegalArgumentException.class, () -> new PagingLimits(10, 5));
        assertThrows(IllegalArgumentException.class, () -> new PagingLimits(0, 5));
    }
}
