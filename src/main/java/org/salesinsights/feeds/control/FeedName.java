package org.salesinsights.feeds.control;

import java.util.Objects;

import org.salesinsights.insights.entity.CrmType;

/**
 * How a feeder names one of its insights: its source (the feeding system's kind of data, such as {@code quotes}),
 * its own id for it within that source, and the CRM organization it is fed into. Unique within the organization.
 *
 * @param host the organization's normalized host
 */
public record FeedName(String source, String externalId, CrmType crmType, String host) {

    public FeedName {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(crmType, "crmType");
        Objects.requireNonNull(host, "host");
    }
}
