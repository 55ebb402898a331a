package org.salesinsights.feeds.control;

import java.util.List;
import java.util.Objects;

import org.salesinsights.insights.entity.CrmType;

/**
 * All of one source's insights for one record, or for a whole organization, checked and normalized: what a snapshot
 * sync makes true. Every item is of the snapshot's source and organization (and record, when it names one).
 *
 * @param host the organization's normalized host
 * @param recordType the record's type, or null for a snapshot of the whole organization
 * @param recordId the record's normal id, or null for a snapshot of the whole organization
 */
public record FeedSnapshot(String source, CrmType crmType, String host, String recordType, String recordId,
        List<FeedItem> items) {

    public FeedSnapshot {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(crmType, "crmType");
        Objects.requireNonNull(host, "host");
        if ((recordType == null) != (recordId == null)) {
            throw new IllegalArgumentException("a record is named by its type and id together");
        }
        items = List.copyOf(items);
    }

    /** Whether it covers one record rather than the whole organization. */
    public boolean isOfRecord() {
        return recordId != null;
    }
}
