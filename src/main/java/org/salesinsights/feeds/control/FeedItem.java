package org.salesinsights.feeds.control;

import java.util.Objects;

import org.salesinsights.curation.control.InsightDocument;

/**
 * One fed insight as its feeder sends it, checked and normalized: its name, the record it is about (as the read
 * action names records: lower-case type, normal id) and its content. The content never holds what curators own
 * (pinned, priority, hidden) nor a key: {@code pinned} is false, {@code priority} 0 and {@code key} null in it.
 *
 * @param recordName a name for people, used when the record is first made; null when none was given
 */
public record FeedItem(FeedName name, String recordType, String recordId, String recordName,
        InsightDocument content) {

    public FeedItem {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(recordType, "recordType");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(content, "content");
    }
}
