package org.salesinsights.feeds.control;

import java.util.Objects;

import org.salesinsights.insights.control.CrmRecordKey;

/** How a feeder names one of the records it relates to a CRM record: its source, the CRM record and its own id. */
public record FedRelatedRecordName(String source, CrmRecordKey crmRecord, String recordId) {

    public FedRelatedRecordName {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(crmRecord, "crmRecord");
        Objects.requireNonNull(recordId, "recordId");
    }
}
