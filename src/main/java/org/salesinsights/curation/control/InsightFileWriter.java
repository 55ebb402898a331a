package org.salesinsights.curation.control;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;

import org.apache.commons.csv.CSVPrinter;

/**
 * Writes the bulk files of insights that {@link InsightFiles} reads, JSON and CSV, with the same fields, so that a
 * file written here reads back as the same rows: JSON with translations and, after the insights, the related records;
 * CSV with a header row, properties as a JSON object in one cell, and free text that a spreadsheet would take for a
 * formula defused with an apostrophe.
 */
public final class InsightFileWriter {

    private InsightFileWriter() {
    }

    public static String json(List<InsightRow> rows) {
        return json(rows, List.of());
    }

    /** The insights and, after them, the related records ({@link RelatedRecordFiles}), when there are any. */
    public static String json(List<InsightRow> rows, List<RelatedRecordFiles.Row> related) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = Json.createGeneratorFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                .createGenerator(out)) {
            json.writeStartObject().writeStartArray("insights");
            for (InsightRow row : rows) {
                json.writeStartObject();
                fields(row).forEach((name, value) -> json.write(name, value));
                json.writeStartObject("additionalProperties");
                row.insight().additionalProperties().forEach(p -> json.write(p.name(), p.value()));
                json.writeEnd();
                if (row.translations() != null) {
                    json.writeStartObject("translations");
                    new TreeMap<>(row.translations()).forEach((language, words) -> {
                        json.writeStartObject(language).write("title", words.title())
                                .write("description", words.description())
                                .writeStartObject("additionalProperties");
                        words.additionalProperties().forEach(p -> json.write(p.name(), p.value()));
                        json.writeEnd().writeEnd();
                    });
                    json.writeEnd();
                }
                json.writeEnd();
            }
            json.writeEnd();
            if (!related.isEmpty()) {
                RelatedRecordFiles.write(json, related);
            }
            json.writeEnd();
        }
        return out.toString();
    }

    public static String csv(List<InsightRow> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, InsightFiles.CSV)) {
            csv.printRecord(InsightFiles.COLUMNS);
            for (InsightRow row : rows) {
                Map<String, JsonValue> fields = fields(row);
                JsonObjectBuilder properties = Json.createObjectBuilder();
                row.insight().additionalProperties().forEach(p -> properties.add(p.name(), p.value()));
                List<String> cells = new ArrayList<>();
                for (String column : InsightFiles.COLUMNS) {
                    String cell = column.equals("additionalProperties")
                            ? (row.insight().additionalProperties().isEmpty() ? "" : properties.build().toString())
                            : cell(fields.get(column));
                    cells.add(InsightFiles.FREE_TEXT.contains(column)
                            && (InsightFiles.formulaLike(cell) || InsightFiles.escaped(cell)) ? "'" + cell : cell);
                }
                csv.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The row's fields but the properties and translations, in the files' order; absent ones left out. */
    private static Map<String, JsonValue> fields(InsightRow row) {
        InsightDocument insight = row.insight();
        Map<String, JsonValue> fields = new LinkedHashMap<>();
        fields.put("crmType", Json.createValue(row.crmType().label()));
        fields.put("orgUrl", Json.createValue(row.orgHost()));
        fields.put("recordType", Json.createValue(row.recordType()));
        fields.put("recordId", Json.createValue(row.recordId()));
        optional(fields, "recordName", row.recordName());
        fields.put("key", Json.createValue(insight.key()));
        if (row.fed() != null) {
            fields.put("source", Json.createValue(row.fed().source()));
            fields.put("externalId", Json.createValue(row.fed().externalId()));
        }
        fields.put("title", Json.createValue(insight.title()));
        fields.put("description", Json.createValue(insight.description()));
        optional(fields, "url", insight.url());
        optional(fields, "dateTime", time(insight.dateTime()));
        fields.put("pinned", insight.pinned() ? JsonValue.TRUE : JsonValue.FALSE);
        fields.put("priority", Json.createValue(insight.priority()));
        if (row.hidden() != null) {
            fields.put("hidden", row.hidden() ? JsonValue.TRUE : JsonValue.FALSE);
        }
        optional(fields, "language", insight.language());
        optional(fields, "visibleFrom", time(insight.visibleFrom()));
        optional(fields, "visibleUntil", time(insight.visibleUntil()));
        return fields;
    }

    private static void optional(Map<String, JsonValue> fields, String name, String value) {
        if (value != null) {
            fields.put(name, Json.createValue(value));
        }
    }

    private static String time(OffsetDateTime time) {
        return time == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.withOffsetSameInstant(ZoneOffset.UTC));
    }

    private static String cell(JsonValue value) {
        if (value == null) {
            return "";
        }
        return value instanceof JsonString string ? string.getString() : value.toString();
    }
}
