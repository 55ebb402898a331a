package org.salesinsights.feeds.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.salesinsights.insights.control.InsightsQueryParser;
import org.salesinsights.insights.control.PagingLimits;
import org.salesinsights.insights.entity.CrmType;
import org.salesinsights.platform.errors.ApiException;

/** A batch: well formed as a whole or refused as a whole; then every item on its own. */
class FeedBatchParserTest {

    private static final InsightsQueryParser RECORDS = new InsightsQueryParser(new PagingLimits(5, 50));
    private static final String RECORD = "\"crmOrgUrl\": \"contoso.crm.dynamics.com\", \"recordType\": \"opportunity\","
            + " \"recordId\": \"d1c6a4e2-5f3b-4c8e-9a7d-2b1e0f6c3a91\"";

    private static String put(String externalId, String title) {
        return "{\"action\": \"put\", \"source\": \"quotes\", \"externalId\": \"" + externalId + "\", " + RECORD
                + ", \"title\": \"" + title + "\", \"description\": \"d\"}";
    }

    @Test
    void eachItemIsReadOnItsOwnAndABadOneIsRefusedAlone() {
        List<FeedBatchParser.Entry> entries = FeedBatchParser.parse("{\"items\": [" + put("Q-1", "Quote sent") + ", "
                + put("Q-2", "a title far too long for a card") + ", {\"action\": \"delete\", \"source\": \"quotes\","
                + " \"externalId\": \"Q-3\", \"crmType\": \"Dynamics 365\", \"crmOrgUrl\": \"contoso.crm.dynamics.com\"},"
                + " {\"action\": \"upsert\", \"source\": \"quotes\", \"externalId\": \"Q-4\"}, 7]}", RECORDS);
        assertEquals(5, entries.size());
        FeedOperation.Put first = assertInstanceOf(FeedOperation.Put.class, entries.get(0).operation());
        assertEquals(new FeedName("quotes", "Q-1", CrmType.DYNAMICS_365, "contoso.crm.dynamics.com"), first.name());
        assertNull(entries.get(1).operation());
        assertEquals(400, entries.get(1).problem().status());
        assertEquals(List.of("title"), List.copyOf(entries.get(1).problem().details().keySet()));
        assertEquals("Q-2", entries.get(1).externalId());
        assertInstanceOf(FeedOperation.Delete.class, entries.get(2).operation());
        assertEquals(Map.of("action", "must be put or delete."), entries.get(3).problem().details());
        assertEquals(Map.of("item", "must be an object."), entries.get(4).problem().details());
    }

    @Test
    void aBatchNamesEachInsightOnceSoItsOrderNeverDecides() {
        List<FeedBatchParser.Entry> entries = FeedBatchParser.parse("{\"items\": [" + put("Q-1", "First") + ", "
                + put("Q-1", "Second") + "]}", RECORDS);
        assertEquals("names the insight item 0 names already; a batch names each insight once.",
                entries.get(1).problem().details().get("externalId"));
    }

    /** FuzzIT found these answered 500: the item was read into a name without its source or external id. */
    @Test
    void aPutWithoutItsSourceOrExternalIdIsRefusedAlone() {
        String good = put("Q-1", "Quote sent");
        List<FeedBatchParser.Entry> entries = FeedBatchParser.parse("{\"items\": ["
                + good.replace("\"source\": \"quotes\", ", "") + ", "
                + good.replace("\"externalId\": \"Q-1\"", "\"externalId\": null") + ", "
                + good.replace("\"source\": \"quotes\"", "\"source\": null").replace("\"Q-1\"", "\"\"") + ", "
                + good + "]}", RECORDS);
        assertEquals(List.of("source"), List.copyOf(entries.get(0).problem().details().keySet()));
        assertEquals(List.of("externalId"), List.copyOf(entries.get(1).problem().details().keySet()));
        assertEquals(List.of("source", "externalId"), List.copyOf(entries.get(2).problem().details().keySet()));
        assertEquals(400, entries.get(2).problem().status());
        assertInstanceOf(FeedOperation.Put.class, entries.get(3).operation());
    }

    @Test
    void aDeletionCarriesOnlyItsNameAndOrganization() {
        FeedBatchParser.Entry entry = FeedBatchParser.parse("{\"items\": [{\"action\": \"delete\", \"source\":"
                + " \"quotes\", \"externalId\": \"Q-3\", \"crmOrgUrl\": \"contoso.crm.dynamics.com\", \"title\": \"x\"}]}",
                RECORDS).get(0);
        assertEquals(List.of("title", "crmType"), List.copyOf(entry.problem().details().keySet()));
    }

    @Test
    void theBatchItselfMustHoldOneToAThousandItemsAndNothingElse() {
        ApiException empty = assertThrows(ApiException.class, () -> FeedBatchParser.parse("{\"items\": []}", RECORDS));
        assertEquals("must hold 1 to 1000 items; it has 0.", empty.details().get("items"));
        ApiException other = assertThrows(ApiException.class,
                () -> FeedBatchParser.parse("{\"items\": {}, \"mode\": \"x\"}", RECORDS));
        assertEquals(List.of("mode", "items"), List.copyOf(other.details().keySet()));
        String many = "{\"items\": [" + String.join(", ", java.util.Collections.nCopies(1001, put("Q", "t"))) + "]}";
        assertEquals("must hold 1 to 1000 items; it has 1001.",
                assertThrows(ApiException.class, () -> FeedBatchParser.parse(many, RECORDS)).details().get("items"));
    }
}
