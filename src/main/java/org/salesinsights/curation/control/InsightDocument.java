package org.salesinsights.curation.control;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An insight as a curator writes it, validated and normalized: times in UTC, properties in their curated order.
 * Optional fields are null when absent; {@code key} names the insight within its record (none: keep it, or make one).
 */
public record InsightDocument(String key, String title, String description, String url, OffsetDateTime dateTime,
        boolean pinned, int priority, String language, OffsetDateTime visibleFrom, OffsetDateTime visibleUntil,
        List<Property> additionalProperties) {

    public InsightDocument {
        additionalProperties = List.copyOf(additionalProperties);
    }

    /** One name-value pair of the citation card. */
    public record Property(String name, String value) {
    }
}
