package org.salesinsights.insights.boundary;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.json.bind.annotation.JsonbTypeSerializer;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.salesinsights.insights.control.RecordPageQuery;
import org.salesinsights.insights.control.RelatedRecordsQuery;
import org.salesinsights.insights.control.WebUrls;

/**
 * One record related to a CRM record as the Sales app's record details card reads it, with Microsoft's fields in the
 * order of its page. Absent parts (url, additionalProperties) are null and so left out of the JSON.
 */
@Schema(name = "RelatedRecord", requiredProperties = {"recordId", "recordTypeDisplayName",
    "recordTypePluralDisplayName", "recordType", "recordTitle"})
@JsonbPropertyOrder({"recordId", "recordTypeDisplayName", "recordTypePluralDisplayName", "recordType", "recordTitle",
    "url", "additionalProperties"})
public record RelatedRecordItem(
        @Schema(extensions = @Extension(name = "x-ms-summary", value = "Record ID"),
                description = "This output uniquely identifies each related record returned by the action.")
        String recordId,
        @Schema(extensions = @Extension(name = "x-ms-summary", value = "Record type display name"),
                description = "This output indicates the display name of record type of each related record returned"
                + " by the action.")
        String recordTypeDisplayName,
        @Schema(extensions = @Extension(name = "x-ms-summary", value = "Record type plural display name"),
                description = "This output indicates the plural display name of the record type of each related"
                + " record returned by the action.")
        String recordTypePluralDisplayName,
        @Schema(extensions = @Extension(name = "x-ms-summary", value = "Record type"),
                description = "This output indicates the type of each related record returned by the action.")
        String recordType,
        @Schema(extensions = @Extension(name = "x-ms-summary", value = "Record title"),
                description = "This output indicates the title of each related record returned by the action.")
        String recordTitle,
        @Schema(extensions = @Extension(name = "x-ms-summary", value = "URL"),
                description = "This output indicates the URL of each related record returned by the action.",
                format = "uri")
        String url,
        @Schema(extensions = @Extension(name = "x-ms-summary", value = "Additional properties"),
                description = "This output indicates additional properties as name-value pairs of each related record"
                + " returned by the action.", type = SchemaType.OBJECT, additionalProperties = String.class)
        @JsonbTypeSerializer(OrderedPropertiesSerializer.class)
        Map<String, String> additionalProperties) {

    /** The seller's view of a stored related record: only web links; no properties is null, not an empty object. */
    static RelatedRecordItem of(RelatedRecordsQuery.Row row, List<RecordPageQuery.Property> properties) {
        Map<String, String> ordered = new LinkedHashMap<>();
        properties.forEach(p -> ordered.putIfAbsent(p.name(), p.value()));
        return new RelatedRecordItem(row.recordId(), row.typeName(), row.typePluralName(), row.recordType(),
                row.title(), WebUrls.absoluteHttp(row.url()).orElse(null),
                ordered.isEmpty() ? null : Collections.unmodifiableMap(ordered));
    }
}
