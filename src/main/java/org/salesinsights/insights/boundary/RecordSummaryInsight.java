package org.salesinsights.insights.boundary;

import java.time.Instant;
import java.util.Map;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.json.bind.annotation.JsonbTypeAdapter;
import jakarta.json.bind.annotation.JsonbTypeSerializer;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.salesinsights.insights.control.TextLimits;

/**
 * One insight as the record summary card reads it: the Key sales info insight, with its time always there (the
 * action serves only dated insights).
 */
@Schema(name = "RecordSummaryInsight", requiredProperties = {"title", "description", "dateTime"})
@JsonbPropertyOrder({"title", "description", "url", "dateTime", "additionalProperties"})
public record RecordSummaryInsight(
        @Schema(extensions = @Extension(name = "x-ms-summary", value = "Title"),
                description = "This output indicates the title of the insight.", maxLength = TextLimits.TITLE_MAX)
        String title,
        @Schema(extensions = @Extension(name = "x-ms-summary", value = "Description"),
                description = "This output indicates the text of the insight to be included in the record summary.",
                maxLength = TextLimits.DESCRIPTION_MAX)
        String description,
        @Schema(extensions = @Extension(name = "x-ms-summary", value = "URL"),
                description = "This output indicates the URL to learn more about the insight.", format = "uri")
        String url,
        @Schema(extensions = @Extension(name = "x-ms-summary", value = "Date time"),
                description = "This output indicates the time associated with the insight.",
                type = SchemaType.STRING, format = "date-time", implementation = String.class)
        @JsonbTypeAdapter(UtcDateTimeAdapter.class)
        Instant dateTime,
        @Schema(extensions = @Extension(name = "x-ms-summary", value = "Additional properties"),
                description = "This output indicates additional properties as name-value pairs of each related"
                + " insight returned by the action.", type = SchemaType.OBJECT, additionalProperties = String.class)
        @JsonbTypeSerializer(OrderedPropertiesSerializer.class)
        Map<String, String> additionalProperties) {

    static RecordSummaryInsight of(OpportunityInsight insight) {
        if (insight.dateTime() == null) {
            throw new IllegalArgumentException("the record summary serves dated insights only");
        }
        return new RecordSummaryInsight(insight.title(), insight.description(), insight.url(), insight.dateTime(),
                insight.additionalProperties());
    }
}
