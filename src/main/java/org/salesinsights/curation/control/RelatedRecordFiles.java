package org.salesinsights.curation.control;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonParser;

import org.salesinsights.insights.control.CrmRecordKey;
import org.salesinsights.insights.control.FeedNames;
import org.salesinsights.insights.control.InsightsQueryParser;
import org.salesinsights.insights.control.InvalidParameterException;

/**
 * The records related to CRM records as files hold them (an import or export file, a seed file): a
 * {@code "relatedRecords"} array, each entry naming its CRM record in {@code crmRecord} (crmType, orgUrl, recordType,
 * recordId, as the read action names it) and then the related record's own fields as the curators' API takes them.
 * A related record is named by its {@code recordId} within its CRM record, so a file imported twice changes the same
 * ones. A fed one carries its {@code source} (docs/feeds.md), so that it stays fed when imported again. Every entry is
 * checked whole; its problems are reported by field, on its line.
 */
public final class RelatedRecordFiles {

    private RelatedRecordFiles() {
    }

    /** A checked entry, with the line where it starts; {@code source} is the feed's that feeds it, or null. */
    public record Row(int line, CrmRecordKey crmRecord, RelatedRecordDocument document, String source) {
    }

    /**
     * Reads the entries of the array from a parser that has just read the array's start, through its end.
     *
     * @param problem takes each refused entry's line and its problems by field
     */
    public static void read(JsonParser parser, InsightsQueryParser records, List<Row> rows,
            BiConsumer<Integer, Map<String, Object>> problem) {
        JsonParser.Event event;
        while ((event = parser.next()) != JsonParser.Event.END_ARRAY) {
            int line = (int) parser.getLocation().getLineNumber();
            if (event != JsonParser.Event.START_OBJECT) {
                if (event == JsonParser.Event.START_ARRAY) {
                    parser.skipArray();
                }
                problem.accept(line, Map.of("relatedRecord", "must be a related record object."));
                continue;
            }
            JsonObject json = parser.getObject();
            Map<String, Object> found = new LinkedHashMap<>();
            CrmRecordKey crmRecord = crmRecord(json.get("crmRecord"), records, found);
            String source = source(json.get("source"), found);
            RelatedRecordDocument document = RelatedRecordDocumentParser.read(json, Set.of("crmRecord", "source"),
                    found);
            if (found.isEmpty()) {
                rows.add(new Row(line, crmRecord, document, source));
            } else {
                problem.accept(line, found);
            }
        }
    }

    /** Writes the rows as a {@code "relatedRecords"} array of the object being written. */
    public static void write(JsonGenerator json, List<Row> rows) {
        json.writeStartArray("relatedRecords");
        for (Row row : rows) {
            CrmRecordKey record = row.crmRecord();
            RelatedRecordDocument document = row.document();
            json.writeStartObject().writeStartObject("crmRecord")
                    .write("crmType", record.crmType().label())
                    .write("orgUrl", record.orgHost().orElseThrow())
                    .write("recordType", record.recordType())
                    .write("recordId", record.recordId())
                    .writeEnd();
            if (row.source() != null) {
                json.write("source", row.source());
            }
            json.write("recordId", document.recordId())
                    .write("recordType", document.recordType())
                    .write("recordTypeDisplayName", document.recordTypeDisplayName())
                    .write("recordTypePluralDisplayName", document.recordTypePluralDisplayName())
                    .write("recordTitle", document.recordTitle());
            if (document.url() != null) {
                json.write("url", document.url());
            }
            if (document.language() != null) {
                json.write("language", document.language());
            }
            json.write("priority", document.priority()).writeStartObject("additionalProperties");
            document.additionalProperties().forEach(p -> json.write(p.name(), p.value()));
            json.writeEnd().writeEnd();
        }
        json.writeEnd();
    }

    /** A fed related record's source, or null for a curator's. */
    private static String source(JsonValue value, Map<String, Object> found) {
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString source && FeedNames.isSource(source.getString())) {
            return source.getString();
        }
        found.put("source", FeedNames.SOURCE_RULE);
        return null;
    }

    /**
     * The CRM record a related record belongs to ({@code crmType}, {@code orgUrl}, {@code recordType},
     * {@code recordId}), named as the read action names it, organization included; null with its problems in
     * {@code found} ({@code crmRecord.recordId}, ...).
     */
    public static CrmRecordKey crmRecord(JsonValue value, InsightsQueryParser records, Map<String, Object> found) {
        if (!(value instanceof JsonObject json)) {
            found.put("crmRecord", "is required: {\"crmType\", \"orgUrl\", \"recordType\", \"recordId\"} of the CRM"
                    + " record it is related to.");
            return null;
        }
        String orgUrl = text(json, "orgUrl");
        if (orgUrl == null || orgUrl.isBlank()) {
            found.put("crmRecord.orgUrl", "is required.");
            return null;
        }
        try {
            return records.parse(text(json, "recordType"), text(json, "recordId"), text(json, "crmType"), orgUrl,
                    null, null).record();
        } catch (InvalidParameterException e) {
            found.put("crmRecord." + (e.parameter().equals("crmOrgUrl") ? "orgUrl" : e.parameter()),
                    e.getMessage().replaceFirst("^Parameter '[^']*' ", ""));
            return null;
        }
    }

    private static String text(JsonObject json, String key) {
        return json.get(key) instanceof JsonString text ? text.getString() : null;
    }
}
