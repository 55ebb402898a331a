package org.salesinsights.curation.boundary;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.salesinsights.insights.entity.InsightProperty;
import org.salesinsights.insights.entity.RelatedRecord;

/**
 * A related record as curators see it: Microsoft's fields (recordId is the partner's own id), its language and
 * priority, the CRM record it belongs to ({@code crmRecordId}, the curators' id of it), its version (the ETag) and,
 * for a fed one, the source that feeds it.
 */
@Schema(name = "CuratedRelatedRecord", description = "A record related to a CRM record, as curators edit it; version"
        + " is its ETag.")
@JsonbPropertyOrder({"id", "crmRecordId", "version", "recordId", "recordType", "recordTypeDisplayName",
    "recordTypePluralDisplayName", "recordTitle", "url", "language", "priority", "additionalProperties", "source",
    "updatedAt", "updatedBy"})
public record RelatedRecordView(long id, long crmRecordId, long version, String recordId, String recordType,
        String recordTypeDisplayName, String recordTypePluralDisplayName, String recordTitle, String url,
        String language, int priority, Map<String, String> additionalProperties, String source,
        OffsetDateTime updatedAt, String updatedBy) {

    static RelatedRecordView of(RelatedRecord related) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (InsightProperty property : related.getProperties()) {
            properties.put(property.getName(), property.getValue());
        }
        return new RelatedRecordView(related.getId(), related.getRecord().getId(), related.getVersion(),
                related.getPartnerRecordId(), related.getRecordType(), related.getTypeDisplayName(),
                related.getTypePluralDisplayName(), related.getTitle(), related.getUrl(), related.getLanguage(),
                related.getPriority(), properties, related.getFeedSource(), related.getUpdatedAt(),
                related.getUpdatedBy());
    }
}
