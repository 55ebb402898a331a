package org.salesinsights.insights.boundary;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.json.bind.annotation.JsonbTypeAdapter;
import jakarta.json.bind.annotation.JsonbTypeSerializer;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.salesinsights.insights.control.TextLimits;
import org.salesinsights.insights.control.WebUrls;
import org.salesinsights.insights.entity.Insight;
import org.salesinsights.insights.entity.InsightProperty;
import org.salesinsights.insights.entity.InsightTranslation;

/**
 * One insight as the Sales app reads it. Absent parts are null and so left out of the JSON; the limits of the
 * card hold whatever is stored.
 */
@Schema(name = "OpportunityInsight", requiredProperties = {"title", "description"})
@JsonbPropertyOrder({"title", "description", "url", "dateTime", "additionalProperties"})
public record OpportunityInsight(
        @Schema(extensions = @Extension(name = "x-ms-summary", value = "Title"),
                description = "This output indicates the title of citation card for the insight.",
                maxLength = TextLimits.TITLE_MAX)
        String title,
        @Schema(extensions = @Extension(name = "x-ms-summary", value = "Description"),
                description = "This output indicates the text of the insight to be included in key sales info.",
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

    /** The seller's view of a stored insight: text cut to the limits, only web links, time in UTC. */
    public static OpportunityInsight of(Insight insight) {
        return of(insight.getTitle(), insight.getDescription(), insight.getUrl(), insight.getOccurredAt(),
                insight.getProperties());
    }

    /** The insight in a translation's words (title, description, property names and values). */
    public static OpportunityInsight of(Insight insight, InsightTranslation translation) {
        return of(translation.getTitle(), translation.getDescription(), insight.getUrl(), insight.getOccurredAt(),
                translation.getProperties());
    }

    static OpportunityInsight of(String title, String description, String url, OffsetDateTime occurredAt,
            List<InsightProperty> properties) {
        return new OpportunityInsight(
                TextLimits.fit(title, TextLimits.TITLE_MAX),
                TextLimits.fit(description, TextLimits.DESCRIPTION_MAX),
                WebUrls.absoluteHttp(url).orElse(null),
                occurredAt == null ? null : occurredAt.toInstant(),
                propertiesOf(properties));
    }

    /** Null, not an empty object, when there is nothing to show; the first of repeated names wins. */
    private static Map<String, String> propertiesOf(List<InsightProperty> properties) {
        if (properties == null || properties.isEmpty()) {
            return null;
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        for (InsightProperty property : properties) {
            if (property != null && property.getName() != null && property.getValue() != null) {
                ordered.putIfAbsent(property.getName(), property.getValue());
            }
        }
        return ordered.isEmpty() ? null : Collections.unmodifiableMap(ordered);
    }
}
