package org.salesinsights.feeds.control;

import java.util.List;
import java.util.Objects;

import org.salesinsights.curation.control.RelatedRecordDocument;
import org.salesinsights.insights.control.CrmRecordKey;

/**
 * Records related to one CRM record as a feeder sends them, checked: one (a single {@code PUT}) or all of the
 * source's for the CRM record (a snapshot). Each is named by its {@code recordId} within the CRM record; their
 * priority is the curators' and is never read from a feed (0 for a new one).
 *
 * @param crmRecord the CRM record, its organization named
 */
public record FedRelatedRecords(String source, CrmRecordKey crmRecord, List<RelatedRecordDocument> relatedRecords) {

    public FedRelatedRecords {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(crmRecord, "crmRecord");
        relatedRecords = List.copyOf(relatedRecords);
    }
}
