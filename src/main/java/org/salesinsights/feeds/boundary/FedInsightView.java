package org.salesinsights.feeds.boundary;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.salesinsights.curation.control.InsightDocument;
import org.salesinsights.feeds.control.FeedItem;
import org.salesinsights.feeds.control.FeedRows;
import org.salesinsights.insights.entity.CrmOrganization;
import org.salesinsights.insights.entity.CrmRecord;
import org.salesinsights.insights.entity.Insight;
import org.salesinsights.insights.entity.InsightProperty;

/**
 * A fed insight as its feeder reads it back: its name, its record and what the feed owns of it, times in UTC.
 * Nothing in it changes unless the insight does, so a retried feed gets the same answer; {@code version} is its ETag
 * (a curator's change, such as pinning it, moves it on too).
 */
@Schema(name = "FedInsight", description = "A fed insight: its source, external id and record, and the content the"
        + " feed owns; version is its ETag.")
@JsonbPropertyOrder({"source", "externalId", "crmType", "crmOrgUrl", "recordType", "recordId", "version", "title",
    "description", "url", "dateTime", "language", "visibleFrom", "visibleUntil", "additionalProperties"})
public record FedInsightView(String source, String externalId, String crmType, String crmOrgUrl, String recordType,
        String recordId, long version, String title, String description, String url, OffsetDateTime dateTime,
        String language, OffsetDateTime visibleFrom, OffsetDateTime visibleUntil,
        Map<String, String> additionalProperties) {

    static FedInsightView of(Insight insight) {
        CrmRecord record = insight.getRecord();
        CrmOrganization organization = record.getOrganization();
        Map<String, String> properties = new LinkedHashMap<>();
        for (InsightProperty property : insight.getProperties()) {
            properties.put(property.getName(), property.getValue());
        }
        return new FedInsightView(insight.getFeedSource(), insight.getFeedExternalId(),
                organization.getCrmType().label(), organization.getHost(), record.getRecordType(),
                record.getRecordId(), insight.getVersion(), insight.getTitle(), insight.getDescription(),
                insight.getUrl(), utc(insight.getOccurredAt()), insight.getLanguage(), utc(insight.getVisibleFrom()),
                utc(insight.getVisibleUntil()), properties);
    }

    /** An insight a feed made as rows (version 1), as it will read once written. */
    static FedInsightView of(FeedItem item, FeedRows.NewInsight made) {
        InsightDocument content = made.content();
        Map<String, String> properties = new LinkedHashMap<>();
        content.additionalProperties().forEach(p -> properties.put(p.name(), p.value()));
        return new FedInsightView(made.name().source(), made.name().externalId(), made.name().crmType().label(),
                made.name().host(), item.recordType(), item.recordId(), 1, content.title(), content.description(),
                content.url(), utc(content.dateTime()), content.language(), utc(content.visibleFrom()),
                utc(content.visibleUntil()), properties);
    }

    /** In UTC whatever offset the database driver gave it, so the same instant is always written alike. */
    private static OffsetDateTime utc(OffsetDateTime time) {
        return time == null ? null : time.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
