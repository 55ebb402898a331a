package org.salesinsights.tenants.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.salesinsights.insights.entity.CrmType;
import org.salesinsights.platform.errors.ApiException;
import org.salesinsights.platform.errors.ErrorCode;

class TenantChangeParserTest {

    @Test
    void organizationsAreNormalizedAndDuplicatesKeptOnce() {
        TenantChange change = TenantChangeParser.parse("{\"displayName\": \" Contoso \", \"organizations\": ["
                + "{\"crmType\": \"dynamics365\", \"orgUrl\": \"https://Contoso.CRM.dynamics.com/main.aspx\"},"
                + "{\"crmType\": \"Dynamics 365\", \"orgUrl\": \"contoso.crm.dynamics.com\"},"
                + "{\"crmType\": \"Salesforce\", \"orgUrl\": \"contoso.my.salesforce.com\", \"displayName\": \"SF\"}]}");
        assertEquals("Contoso", change.displayName());
        assertEquals(List.of(
                new TenantChange.Organization(CrmType.DYNAMICS_365, "contoso.crm.dynamics.com", null),
                new TenantChange.Organization(CrmType.SALESFORCE, "contoso.my.salesforce.com", "SF")),
                change.organizations());
    }

    @Test
    void everyProblemIsReportedByField() {
        ApiException e = assertThrows(ApiException.class, () -> TenantChangeParser.parse(
                "{\"displayName\": 7, \"extra\": true, \"organizations\": [\"x\", {\"crmType\": \"SAP\","
                        + " \"orgUrl\": \"ftp://contoso\", \"owner\": 1}, {}]}"));
        assertEquals(400, e.status());
        assertEquals(ErrorCode.INVALID_PARAMETER, e.errorCode());
        assertEquals(Set.of("displayName", "extra", "organizations[0]", "organizations[1].crmType",
                "organizations[1].orgUrl", "organizations[1].owner", "organizations[2].crmType",
                "organizations[2].orgUrl"), e.details().keySet());
    }

    @Test
    void feedersAreOptionalNormalizedAndEachListedOnce() {
        assertEquals(List.of(), TenantChangeParser.parse("{\"displayName\": \"A\", \"organizations\": []}")
                .feeders());
        TenantChange change = TenantChangeParser.parse("{\"displayName\": \"A\", \"organizations\": [],"
                + " \"feeders\": [{\"appId\": \"0F1E2D3C-4B5A-4968-8776-A5B4C3D2E1F0\", \"name\": \" Quote system \"}]}");
        assertEquals(List.of(new TenantChange.Feeder("0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0", "Quote system")),
                change.feeders());
        ApiException e = assertThrows(ApiException.class, () -> TenantChangeParser.parse("{\"displayName\": \"A\","
                + " \"organizations\": [], \"feeders\": [{\"appId\": \"0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0\","
                + " \"name\": \"Quotes\"}, {\"appId\": \"0F1E2D3C-4B5A-4968-8776-A5B4C3D2E1F0\", \"name\": \"Again\"},"
                + " {\"appId\": \"quotes\", \"name\": \"" + "x".repeat(101) + "\", \"secret\": \"s\"}, {\"name\": \"\"}, 7]}"));
        assertEquals(Set.of("feeders[1].appId", "feeders[2].appId", "feeders[2].name", "feeders[2].secret",
                "feeders[3].appId", "feeders[3].name", "feeders[4]"), e.details().keySet());
        assertEquals(Set.of("feeders"), assertThrows(ApiException.class, () -> TenantChangeParser.parse(
                "{\"displayName\": \"A\", \"organizations\": [], \"feeders\": {}}")).details().keySet());
    }

    @Test
    void bodiesThatAreNoJsonObjectAreRefused() {
        for (String body : List.of("", "[]", "{", "null", "\"text\"")) {
            ApiException e = assertThrows(ApiException.class, () -> TenantChangeParser.parse(body), body);
            assertEquals(400, e.status(), body);
        }
    }

    @Test
    void organizationsAreRequiredAndBounded() {
        assertEquals(Set.of("organizations"), assertThrows(ApiException.class,
                () -> TenantChangeParser.parse("{\"displayName\": \"A\"}")).details().keySet());
        String many = "{\"crmType\": \"Salesforce\", \"orgUrl\": \"a.my.salesforce.com\"},".repeat(101);
        assertEquals(Set.of("organizations"), assertThrows(ApiException.class, () -> TenantChangeParser.parse(
                "{\"displayName\": \"A\", \"organizations\": [" + many.substring(0, many.length() - 1) + "]}"))
                .details().keySet());
        assertEquals(List.of(), TenantChangeParser.parse("{\"displayName\": \"A\", \"organizations\": []}")
                .organizations());
    }
}
