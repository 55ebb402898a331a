package org.salesinsights.feeds.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.salesinsights.curation.control.RelatedRecordDocument;
import org.salesinsights.insights.control.InsightsQueryParser;
import org.salesinsights.insights.control.PagingLimits;
import org.salesinsights.insights.entity.CrmType;
import org.salesinsights.platform.errors.ApiException;
import org.salesinsights.platform.errors.ErrorCode;

/**
 * A fed related record is written as an import file writes one, names its CRM record as the read action does, and
 * never sets the curators' priority; a snapshot of a CRM record's related records is all or nothing.
 */
class RelatedRecordFeedParserTest {

    private static final InsightsQueryParser RECORDS = new InsightsQueryParser(new PagingLimits(5, 50));
    private static final String CRM_RECORD = "\"crmRecord\": {\"orgUrl\": \"https://Contoso.crm.dynamics.com/\","
            + " \"recordType\": \"Opportunity\", \"recordId\": \"{D1C6A4E2-5F3B-4C8E-9A7D-2B1E0F6C3A91}\"}";
    private static final String FIELDS = "\"recordType\": \"contract\", \"recordTypeDisplayName\": \"Contract\","
            + " \"recordTypePluralDisplayName\": \"Contracts\", \"recordTitle\": \"Master agreement\"";

    @Test
    void theRecordIdComesFromThePathAndTheCrmRecordIsNormalized() {
        FedRelatedRecords fed = RelatedRecordFeedParser.parse("contracts", "CT-2040", "{" + CRM_RECORD + ", " + FIELDS
                + ", \"additionalProperties\": {\"Status\": \"Signed\"}}", RECORDS);
        assertEquals("contracts", fed.source());
        assertEquals(CrmType.DYNAMICS_365, fed.crmRecord().crmType());
        assertEquals("contoso.crm.dynamics.com", fed.crmRecord().orgHost().orElseThrow());
        assertEquals("opportunity", fed.crmRecord().recordType());
        assertEquals("d1c6a4e2-5f3b-4c8e-9a7d-2b1e0f6c3a91", fed.crmRecord().recordId());
        RelatedRecordDocument document = fed.relatedRecords().get(0);
        assertEquals("CT-2040", document.recordId());
        assertEquals("Master agreement", document.recordTitle());
        assertEquals(0, document.priority());
        assertEquals(1, document.additionalProperties().size());
    }

    @Test
    void theBodyMayRepeatThePathsRecordIdButNotNameAnother() {
        assertEquals("CT-2040", RelatedRecordFeedParser.parse("contracts", "CT-2040", "{" + CRM_RECORD
                + ", \"recordId\": \"CT-2040\", " + FIELDS + "}", RECORDS).relatedRecords().get(0).recordId());
        ApiException other = assertThrows(ApiException.class, () -> RelatedRecordFeedParser.parse("contracts",
                "CT-2040", "{" + CRM_RECORD + ", \"recordId\": \"CT-9\", " + FIELDS + "}", RECORDS));
        assertEquals(List.of("recordId"), List.copyOf(other.details().keySet()));
    }

    @Test
    void everyProblemIsListedByFieldThePriorityAmongThem() {
        ApiException refused = assertThrows(ApiException.class, () -> RelatedRecordFeedParser.parse("con tracts",
                "CT 2040", "{\"crmRecord\": {\"orgUrl\": \"contoso.crm.dynamics.com\", \"recordType\": \"opportunity\"},"
                        + " \"recordType\": \"contract\", \"recordTitle\": \"t\", \"priority\": 3, \"pinned\": true}",
                RECORDS));
        assertEquals(400, refused.status());
        assertEquals(ErrorCode.INVALID_PARAMETER, refused.errorCode());
        assertEquals(List.of("source", "recordId", "crmRecord.recordId", "priority", "pinned",
                "recordTypeDisplayName", "recordTypePluralDisplayName"), List.copyOf(refused.details().keySet()));
        ApiException noCrmRecord = assertThrows(ApiException.class, () -> RelatedRecordFeedParser.parse("contracts",
                "CT-1", "{" + FIELDS + "}", RECORDS));
        assertEquals(List.of("crmRecord"), List.copyOf(noCrmRecord.details().keySet()));
    }

    @Test
    void aSnapshotNamesEachRelatedRecordOnceAndMayBeEmpty() {
        FedRelatedRecords snapshot = RelatedRecordFeedParser.parseSnapshot("contracts", "{" + CRM_RECORD
                + ", \"relatedRecords\": [{\"recordId\": \"A\", " + FIELDS + "}, {\"recordId\": \"B\", " + FIELDS
                + "}]}", RECORDS);
        assertEquals(List.of("A", "B"), snapshot.relatedRecords().stream().map(RelatedRecordDocument::recordId)
                .toList());
        assertEquals(List.of(), RelatedRecordFeedParser.parseSnapshot("contracts", "{" + CRM_RECORD
                + ", \"relatedRecords\": []}", RECORDS).relatedRecords());

        ApiException refused = assertThrows(ApiException.class, () -> RelatedRecordFeedParser.parseSnapshot(
                "contracts", "{" + CRM_RECORD + ", \"items\": 1, \"relatedRecords\": [{\"recordId\": \"A\", " + FIELDS
                        + "}, 7, {\"recordId\": \"A\", " + FIELDS + "}, {\"recordId\": \"a b\", " + FIELDS
                        + ", \"priority\": 1}]}", RECORDS));
        assertEquals(List.of("items", "relatedRecords[1]", "relatedRecords[2].recordId", "relatedRecords[3].priority",
                "relatedRecords[3].recordId"), List.copyOf(refused.details().keySet()));
        ApiException missing = assertThrows(ApiException.class, () -> RelatedRecordFeedParser.parseSnapshot(
                "contracts", "{" + CRM_RECORD + "}", RECORDS));
        assertEquals(List.of("relatedRecords"), List.copyOf(missing.details().keySet()));
    }

    @Test
    void aDeletionNamesItsCrmRecordAsTheReadActionDoes() {
        FedRelatedRecordName name = RelatedRecordFeedParser.name("contracts", "CT-1", null, "contoso.crm.dynamics.com",
                "opportunity", "D1C6A4E2-5F3B-4C8E-9A7D-2B1E0F6C3A91", RECORDS);
        assertEquals("d1c6a4e2-5f3b-4c8e-9a7d-2b1e0f6c3a91", name.crmRecord().recordId());
        ApiException refused = assertThrows(ApiException.class, () -> RelatedRecordFeedParser.name("contracts",
                "CT/1", "Dynamics 365", null, "opportunity", "x", RECORDS));
        assertEquals(List.of("recordId", "crmOrgUrl"), List.copyOf(refused.details().keySet()));
    }
}
