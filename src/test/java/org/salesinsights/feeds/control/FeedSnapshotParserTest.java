package org.salesinsights.feeds.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.salesinsights.insights.control.InsightsQueryParser;
import org.salesinsights.insights.control.PagingLimits;
import org.salesinsights.insights.entity.CrmType;
import org.salesinsights.platform.errors.ApiException;

/** A snapshot names its scope once and is all or nothing, since what it leaves out is deleted. */
class FeedSnapshotParserTest {

    private static final InsightsQueryParser RECORDS = new InsightsQueryParser(new PagingLimits(5, 50));

    @Test
    void aSnapshotOfOneRecordGivesEveryItemItsRecord() {
        FeedSnapshot snapshot = FeedSnapshotParser.parse("support", "{\"crmOrgUrl\": \"https://contoso.crm.dynamics.com\","
                + " \"recordType\": \"Opportunity\", \"recordId\": \"{D1C6A4E2-5F3B-4C8E-9A7D-2B1E0F6C3A91}\","
                + " \"items\": [{\"externalId\": \"C-1\", \"title\": \"Case opened\", \"description\": \"d\"},"
                + " {\"externalId\": \"C-2\", \"title\": \"Case closed\", \"description\": \"d\"}]}", RECORDS);
        assertTrue(snapshot.isOfRecord());
        assertEquals(CrmType.DYNAMICS_365, snapshot.crmType());
        assertEquals("contoso.crm.dynamics.com", snapshot.host());
        assertEquals("d1c6a4e2-5f3b-4c8e-9a7d-2b1e0f6c3a91", snapshot.recordId());
        assertEquals(List.of("C-1", "C-2"), snapshot.items().stream().map(i -> i.name().externalId()).toList());
        assertEquals("d1c6a4e2-5f3b-4c8e-9a7d-2b1e0f6c3a91", snapshot.items().get(1).recordId());
        assertEquals("support", snapshot.items().get(0).name().source());
    }

    @Test
    void anEmptySnapshotOfAnOrganizationSaysTheSourceHasNoneThere() {
        FeedSnapshot snapshot = FeedSnapshotParser.parse("support", "{\"crmType\": \"Salesforce\", \"crmOrgUrl\":"
                + " \"fabrikam.my.salesforce.com\", \"items\": []}", RECORDS);
        assertFalse(snapshot.isOfRecord());
        assertEquals(List.of(), snapshot.items());
    }

    @Test
    void oneProblemAnywhereRefusesAllOfItEachByItsPlace() {
        ApiException refused = assertThrows(ApiException.class, () -> FeedSnapshotParser.parse("support",
                "{\"crmType\": \"Dynamics 365\", \"crmOrgUrl\": \"contoso.crm.dynamics.com\", \"items\": ["
                        + "{\"externalId\": \"C-1\", \"recordType\": \"opportunity\", \"recordId\":"
                        + " \"d1c6a4e2-5f3b-4c8e-9a7d-2b1e0f6c3a91\", \"title\": \"Case opened\", \"description\": \"d\"},"
                        + "{\"externalId\": \"C-1\", \"crmOrgUrl\": \"other.crm.dynamics.com\", \"recordType\":"
                        + " \"opportunity\", \"recordId\": \"d1c6a4e2-5f3b-4c8e-9a7d-2b1e0f6c3a91\", \"title\": \"t\","
                        + " \"description\": \"d\", \"pinned\": true}]}", RECORDS));
        assertEquals(400, refused.status());
        assertEquals(List.of("items[1].crmOrgUrl", "items[1].externalId", "items[1].pinned"),
                List.copyOf(refused.details().keySet()));
    }

    /** FuzzIT: an item without its external id (absent or null) is a problem of its own, not a failure. */
    @Test
    void anItemWithoutItsExternalIdIsAProblemByItsPlace() {
        ApiException refused = assertThrows(ApiException.class, () -> FeedSnapshotParser.parse("support",
                "{\"crmType\": \"Dynamics 365\", \"crmOrgUrl\": \"contoso.crm.dynamics.com\", \"recordType\":"
                        + " \"opportunity\", \"recordId\": \"d1c6a4e2-5f3b-4c8e-9a7d-2b1e0f6c3a91\", \"items\": ["
                        + "{\"title\": \"Case opened\", \"description\": \"d\"},"
                        + "{\"externalId\": null, \"title\": \"Case closed\", \"description\": \"d\"}]}", RECORDS));
        assertEquals(400, refused.status());
        assertEquals(List.of("items[0].externalId", "items[1].externalId"), List.copyOf(refused.details().keySet()));
    }

    @Test
    void anOrganizationIsNamedWithItsTypeAndASnapshotHasItems() {
        ApiException refused = assertThrows(ApiException.class, () -> FeedSnapshotParser.parse("bad source!",
                "{\"crmOrgUrl\": \"contoso.crm.dynamics.com\"}", RECORDS));
        assertEquals(List.of("source", "crmType", "items"), List.copyOf(refused.details().keySet()));
    }
}
