package org.salesinsights.feeds.boundary;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.salesinsights.insights.entity.CrmOrganization;
import org.salesinsights.insights.entity.CrmRecord;
import org.salesinsights.insights.entity.InsightProperty;
import org.salesinsights.insights.entity.RelatedRecord;

/**
 * A fed related record as its feeder reads it back: its source, its CRM record as the feed named it (normalized), and
 * the fields the feed owns. Nothing in it changes unless the related record does, so a retried feed gets the same
 * answer; {@code version} is its ETag (a curator's change of its priority moves it on too).
 */
@Schema(name = "FedRelatedRecord", description = "A fed related record: its source, its CRM record and the fields the"
        + " feed owns; version is its ETag.")
@JsonbPropertyOrder({"source", "crmRecord", "version", "recordId", "recordType", "recordTypeDisplayName",
    "recordTypePluralDisplayName", "recordTitle", "url", "language", "additionalProperties"})
public record FedRelatedRecordView(String source, CrmRecordName crmRecord, long version, String recordId,
        String recordType, String recordTypeDisplayName, String recordTypePluralDisplayName, String recordTitle,
        String url, String language, Map<String, String> additionalProperties) {

    /** The CRM record, as import files and feeds name it. */
    @Schema(name = "FedCrmRecord")
    @JsonbPropertyOrder({"crmType", "orgUrl", "recordType", "recordId"})
    public record CrmRecordName(String crmType, String orgUrl, String recordType, String recordId) {
    }

    static FedRelatedRecordView of(RelatedRecord related) {
        CrmRecord record = related.getRecord();
        CrmOrganization organization = record.getOrganization();
        Map<String, String> properties = new LinkedHashMap<>();
        for (InsightProperty property : related.getProperties()) {
            properties.put(property.getName(), property.getValue());
        }
        return new FedRelatedRecordView(related.getFeedSource(), new CrmRecordName(organization.getCrmType().label(),
                organization.getHost(), record.getRecordType(), record.getRecordId()), related.getVersion(),
                related.getPartnerRecordId(), related.getRecordType(), related.getTypeDisplayName(),
                related.getTypePluralDisplayName(), related.getTitle(), related.getUrl(), related.getLanguage(),
                properties);
    }
}
