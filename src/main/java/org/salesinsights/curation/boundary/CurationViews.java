package org.salesinsights.curation.boundary;

import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.json.stream.JsonGenerator;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.salesinsights.insights.entity.CrmRecord;
import org.salesinsights.platform.requests.JsonBodies;

/** What curators read: records with their insight counts, insights with their version, the change history. */
public final class CurationViews {

    private CurationViews() {
    }

    @Schema(name = "CuratedRecord")
    @JsonbPropertyOrder({"id", "crmType", "host", "recordType", "recordId", "displayName", "insightCount"})
    public record RecordView(long id, String crmType, String host, String recordType, String recordId,
            String displayName, long insightCount) {

        static RecordView of(CrmRecord record, long insightCount) {
            return new RecordView(record.getId(), record.getOrganization().getCrmType().label(),
                    record.getOrganization().getHost(), record.getRecordType(), record.getRecordId(),
                    record.getDisplayName(), insightCount);
        }
    }

    /**
     * An insight as curators see it. A fed one names its {@code source} and {@code externalId} (absent for curated
     * insights): the feed owns its content, the curators its pinned, priority and hidden.
     */
    @Schema(name = "CuratedInsight", description = "An insight as curators edit it; version is its ETag. A fed"
            + " insight names its source and externalId: its feed owns its content, curators own pinned, priority and"
            + " hidden.")
    @JsonbPropertyOrder({"id", "recordId", "version", "key", "source", "externalId", "title", "description", "url",
        "dateTime", "pinned", "priority", "hidden", "language", "visibleFrom", "visibleUntil", "additionalProperties",
        "translations", "updatedAt", "updatedBy"})
    public record InsightView(long id, long recordId, long version, String key, String source, String externalId,
            String title, String description, String url, OffsetDateTime dateTime, boolean pinned, int priority,
            boolean hidden, String language, OffsetDateTime visibleFrom, OffsetDateTime visibleUntil,
            Map<String, String> additionalProperties, Map<String, TranslationView> translations,
            OffsetDateTime updatedAt, String updatedBy) {

        /**
         * The view as JSON-B writes it (the order above, absent fields left out), written with JSON-P alone: the
         * history keeps this snapshot of every insight a feed makes, and JSON-B's reflection and its check for
         * cycles (each view hashed whole, twice) cost a thousand-item feed a twelfth of its time.
         * {@code CurationViewsTest} holds the two writings side by side.
         */
        public String json() {
            StringWriter text = new StringWriter(512);
            try (JsonGenerator json = JsonBodies.JSON.createGenerator(text)) {
                json.writeStartObject().write("id", id).write("recordId", recordId).write("version", version);
                string(json, "key", key);
                string(json, "source", source);
                string(json, "externalId", externalId);
                string(json, "title", title);
                string(json, "description", description);
                string(json, "url", url);
                time(json, "dateTime", dateTime);
                json.write("pinned", pinned).write("priority", priority).write("hidden", hidden);
                string(json, "language", language);
                time(json, "visibleFrom", visibleFrom);
                time(json, "visibleUntil", visibleUntil);
                properties(json, additionalProperties);
                if (translations != null) {
                    json.writeStartObject("translations");
                    translations.forEach((language, translation) -> {
                        json.writeStartObject(language);
                        string(json, "title", translation.title());
                        string(json, "description", translation.description());
                        properties(json, translation.additionalProperties());
                        json.writeEnd();
                    });
                    json.writeEnd();
                }
                time(json, "updatedAt", updatedAt);
                string(json, "updatedBy", updatedBy);
                json.writeEnd();
            }
            return text.toString();
        }

        private static void string(JsonGenerator json, String name, String value) {
            if (value != null) {
                json.write(name, value);
            }
        }

        private static void time(JsonGenerator json, String name, OffsetDateTime value) {
            if (value != null) {
                json.write(name, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
            }
        }

        private static void properties(JsonGenerator json, Map<String, String> properties) {
            if (properties != null) {
                json.writeStartObject("additionalProperties");
                properties.forEach((name, value) -> {
                    if (value == null) {
                        json.writeNull(name);
                    } else {
                        json.write(name, value);
                    }
                });
                json.writeEnd();
            }
        }
    }

    @Schema(name = "InsightTranslation")
    @JsonbPropertyOrder({"title", "description", "additionalProperties"})
    public record TranslationView(String title, String description, Map<String, String> additionalProperties) {
    }

    @Schema(name = "InsightChange")
    @JsonbPropertyOrder({"action", "version", "changedBy", "changedAt", "content"})
    public record ChangeView(String action, long version, String changedBy, OffsetDateTime changedAt,
            String content) {
    }

    @Schema(name = "ImportReport", description = "What an import did: insights made, changed and already as in the"
            + " file, and records added.")
    @JsonbPropertyOrder({"insights", "created", "updated", "unchanged", "recordsAdded", "relatedRecords"})
    public record ImportReport(int insights, int created, int updated, int unchanged, int recordsAdded,
            RelatedRecordsReport relatedRecords) {

        /** A file of insights only: no word on related records. */
        public ImportReport(int insights, int created, int updated, int unchanged, int recordsAdded) {
            this(insights, created, updated, unchanged, recordsAdded, null);
        }
    }

    /** What an import did with the file's related records; absent when the file holds none. */
    @Schema(name = "RelatedRecordsReport")
    @JsonbPropertyOrder({"relatedRecords", "created", "updated", "unchanged"})
    public record RelatedRecordsReport(int relatedRecords, int created, int updated, int unchanged) {
    }
}
