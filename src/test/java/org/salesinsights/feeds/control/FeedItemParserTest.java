package org.salesinsights.feeds.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.salesinsights.curation.control.InsightDocument;
import org.salesinsights.insights.control.InsightsQueryParser;
import org.salesinsights.insights.control.PagingLimits;
import org.salesinsights.insights.entity.CrmType;
import org.salesinsights.platform.errors.ApiException;
import org.salesinsights.platform.errors.ErrorCode;

class FeedItemParserTest {

    private static final InsightsQueryParser RECORDS = new InsightsQueryParser(new PagingLimits(5, 50));

    @Test
    void theRecordIsNamedAsTheReadActionNamesItAndTheContentAsCuratorsWriteIt() {
        FeedItem item = FeedItemParser.parse("quotes", "Q-2026-0912", "{\"crmType\": \"dynamics365\","
                + " \"crmOrgUrl\": \"https://Contoso.crm.dynamics.com/main.aspx\", \"recordType\": \"Opportunity\","
                + " \"recordId\": \"{D1C6A4E2-5F3B-4C8E-9A7D-2B1E0F6C3A91}\", \"recordName\": \" Northwind deal \","
                + " \"title\": \" Quote sent \", \"description\": \"Quote Q-2026-0912 went to procurement.\","
                + " \"url\": \"https://quotes.example.com/Q-2026-0912\", \"dateTime\": \"2026-11-25T10:30:00+01:00\","
                + " \"language\": \"en-us\", \"visibleUntil\": \"2027-01-01T00:00:00Z\","
                + " \"additionalProperties\": {\"Amount\": \"120 machines\", \"Stage\": \"Sent\"}}", RECORDS);
        assertEquals(new FeedName("quotes", "Q-2026-0912", CrmType.DYNAMICS_365, "contoso.crm.dynamics.com"),
                item.name());
        assertEquals("opportunity", item.recordType());
        assertEquals("d1c6a4e2-5f3b-4c8e-9a7d-2b1e0f6c3a91", item.recordId());
        assertEquals("Northwind deal", item.recordName());
        InsightDocument content = item.content();
        assertEquals("Quote sent", content.title());
        assertEquals(OffsetDateTime.parse("2026-11-25T09:30:00Z"), content.dateTime());
        assertEquals("en-US", content.language());
        assertEquals(List.of(new InsightDocument.Property("Amount", "120 machines"),
                new InsightDocument.Property("Stage", "Sent")), content.additionalProperties());
        assertNull(content.key());
        assertFalse(content.pinned());
        assertEquals(0, content.priority());
    }

    @Test
    void theCrmTypeFollowsFromTheRecordIdAsInTheReadAction() {
        FeedItem item = FeedItemParser.parse("cases", "00012", "{\"crmOrgUrl\": \"fabrikam.my.salesforce.com\","
                + " \"recordType\": \"account\", \"recordId\": \"001Dn00000A1b2C\", \"title\": \"Case opened\","
                + " \"description\": \"A support case was opened.\"}", RECORDS);
        assertEquals(CrmType.SALESFORCE, item.name().crmType());
    }

    @Test
    void everyProblemIsListedByFieldAndCuratorsFieldsAreRefused() {
        ApiException e = assertThrows(ApiException.class, () -> FeedItemParser.parse("bad source", "", "{"
                + "\"recordType\": \"opportunity\", \"recordId\": 7, \"pinned\": true, \"priority\": 3,"
                + " \"hidden\": false, \"key\": \"mine\", \"title\": \"Twenty-one characters\","
                + " \"url\": \"http://plain.example.com\", \"colour\": \"red\"}", RECORDS));
        assertEquals(400, e.status());
        assertEquals(ErrorCode.INVALID_PARAMETER, e.errorCode());
        assertEquals(Set.of("source", "externalId", "key", "pinned", "priority", "hidden", "recordId", "crmOrgUrl",
                "colour", "title", "description", "url"), e.details().keySet());
    }

    @Test
    void theRecordIsCheckedAsTheReadActionChecksIt() {
        ApiException e = assertThrows(ApiException.class, () -> FeedItemParser.parse("quotes", "Q-1",
                "{\"crmType\": \"Dynamics 365\", \"crmOrgUrl\": \"ftp://x\", \"recordType\": \"opportunity\","
                        + " \"recordId\": \"not-a-guid\", \"title\": \"T\", \"description\": \"D\"}", RECORDS));
        assertEquals(Set.of("recordId"), e.details().keySet(), "the first of the record's problems, as the action");
    }

    @Test
    void aDeletionNamesTheOrganization() {
        assertEquals(new FeedName("quotes", "Q-1", CrmType.SALESFORCE, "fabrikam.my.salesforce.com"),
                FeedItemParser.name("quotes", "Q-1", "salesforce", "https://fabrikam.my.salesforce.com/"));
        ApiException e = assertThrows(ApiException.class, () -> FeedItemParser.name("quotes", "a/b", "SAP", null));
        assertEquals(Set.of("externalId", "crmType", "crmOrgUrl"), e.details().keySet());
        assertEquals(Set.of("crmOrgUrl"), assertThrows(ApiException.class,
                () -> FeedItemParser.name("quotes", "Q-1", "Dynamics 365", "ftp://contoso")).details().keySet());
    }

    @Test
    void namesAreBounded() {
        String body = "{\"crmOrgUrl\": \"contoso.crm.dynamics.com\", \"recordType\": \"lead\", \"recordId\":"
                + " \"d1c6a4e2-5f3b-4c8e-9a7d-2b1e0f6c3a91\", \"title\": \"T\", \"description\": \"D\"}";
        FeedItemParser.parse("s".repeat(FeedItemParser.MAX_SOURCE), "e".repeat(FeedItemParser.MAX_EXTERNAL_ID), body,
                RECORDS);
        assertEquals(Set.of("source", "externalId"), assertThrows(ApiException.class, () -> FeedItemParser.parse(
                "s".repeat(FeedItemParser.MAX_SOURCE + 1), "e".repeat(FeedItemParser.MAX_EXTERNAL_ID + 1), body,
                RECORDS)).details().keySet());
    }
}
