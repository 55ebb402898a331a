package org.salesinsights.curation.control;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.salesinsights.insights.control.CrmRecordKey;
import org.salesinsights.insights.control.FeedNames;
import org.salesinsights.insights.control.InsightsQueryParser;
import org.salesinsights.insights.control.InvalidParameterException;
import org.salesinsights.platform.requests.Texts;

/**
 * Checks one row of an insights file, a JSON file's object or a CSV row read as one: its record as the read action
 * names records, its insight with the curators' rules, a key (a file's row must name its insight), translations, the
 * feed's name of a fed insight and the curators' hide; every problem by field.
 */
final class InsightRowChecks {

    /** A row's fields beside the insight's own: its record, translations, the feed's name and the curators' hide. */
    private static final Set<String> ROW_FIELDS = Set.of("crmType", "orgUrl", "recordType", "recordId",
            "recordName", "translations", "source", "externalId", "hidden");

    private InsightRowChecks() {
    }

    /** Checks one row, adding it to {@code rows} or its problems, by field, to {@code problems}. */
    static void row(int line, int index, JsonObject json, InsightsQueryParser records, TextRoom room,
            List<InsightRow> rows, List<InsightFiles.Problem> problems) {
        Map<String, Object> found = new LinkedHashMap<>();
        CrmRecordKey record = record(json, records, found);
        String recordName = recordName(json, found);
        InsightDocument insight = InsightDocumentParser.read(json, ROW_FIELDS, room, found);
        if (insight != null && insight.key() == null) {
            found.put("key", "is required in a file, so that importing it again changes the same insight.");
        }
        Map<String, InsightDocument> translations = translations(json, insight, room, found);
        InsightRow.Fed fed = fed(json, found);
        Boolean hidden = hidden(json, found);
        if (!found.isEmpty()) {
            problems.add(new InsightFiles.Problem(line, index, found));
            return;
        }
        rows.add(new InsightRow(line, index, record.crmType(), record.orgHost().orElseThrow(), record.recordType(),
                record.recordId(), recordName, insight, translations, fed, hidden));
    }

    /** The feed's name for a fed insight: both source and external id, by the feed API's rules; null for neither. */
    private static InsightRow.Fed fed(JsonObject json, Map<String, Object> found) {
        String source = string(json, "source", found);
        String externalId = string(json, "externalId", found);
        if (source == null && externalId == null) {
            return null;
        }
        int before = found.size();
        if (source == null) {
            found.putIfAbsent("source", "is required with externalId: a fed insight is named by both.");
        } else if (!FeedNames.isSource(source)) {
            found.put("source", FeedNames.SOURCE_RULE);
        }
        if (externalId == null) {
            found.putIfAbsent("externalId", "is required with source: a fed insight is named by both.");
        } else if (!FeedNames.isExternalId(externalId)) {
            found.put("externalId", FeedNames.EXTERNAL_ID_RULE);
        }
        return found.size() > before ? null : new InsightRow.Fed(source, externalId);
    }

    /** Whether curators hid the insight; null when the row does not say. */
    private static Boolean hidden(JsonObject json, Map<String, Object> found) {
        JsonValue value = json.get("hidden");
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
            found.put("hidden", "must be true or false.");
            return null;
        }
        return value == JsonValue.TRUE;
    }

    /** crmType, host, recordType and recordId, checked as the read action checks them. */
    private static CrmRecordKey record(JsonObject json, InsightsQueryParser records, Map<String, Object> found) {
        String orgUrl = string(json, "orgUrl", found);
        String crmType = string(json, "crmType", found);
        String recordType = string(json, "recordType", found);
        String recordId = string(json, "recordId", found);
        if (orgUrl == null && !found.containsKey("orgUrl")) {
            found.put("orgUrl", "is required.");
        }
        if (!found.isEmpty() || orgUrl == null) {
            return null;
        }
        try {
            return records.parse(recordType, recordId, crmType, orgUrl, null, null).record();
        } catch (InvalidParameterException e) {
            found.put(e.parameter().equals("crmOrgUrl") ? "orgUrl" : e.parameter(), e.getMessage()
                    .replaceFirst("^Parameter '[^']*' ", ""));
            return null;
        }
    }

    private static String string(JsonObject json, String key, Map<String, Object> found) {
        JsonValue value = json.get(key);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        found.put(key, "must be a string.");
        return null;
    }

    private static String recordName(JsonObject json, Map<String, Object> found) {
        String name = string(json, "recordName", found);
        if (name == null || name.isBlank()) {
            return null;
        }
        name = name.strip();
        if (name.length() > InsightFiles.MAX_RECORD_NAME || Texts.hasControlOrBrokenCharacters(name)) {
            found.put("recordName", "must be text of at most " + InsightFiles.MAX_RECORD_NAME + " characters on one line.");
            return null;
        }
        return name;
    }

    private static Map<String, InsightDocument> translations(JsonObject json, InsightDocument insight,
            TextRoom room, Map<String, Object> found) {
        JsonValue value = json.get("translations");
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonObject languages)) {
            found.put("translations", "must be an object of languages, such as {\"de\": {\"title\": ...}}.");
            return null;
        }
        Map<String, InsightDocument> translations = new HashMap<>();
        for (Map.Entry<String, JsonValue> entry : languages.entrySet()) {
            String field = "translations." + entry.getKey();
            Optional<String> language = InsightDocumentParser.normalTag(entry.getKey());
            if (language.isEmpty()) {
                found.put(field, "must be named by a language tag, such as de or fr-CA.");
            } else if (insight != null && language.get().equalsIgnoreCase(insight.language())) {
                found.put(field, "is the insight's own language.");
            } else if (translations.containsKey(language.get())) {
                found.put(field, "is there twice.");
            } else if (!(entry.getValue() instanceof JsonObject words)) {
                found.put(field, "must be an object with title, description and additionalProperties.");
            } else {
                InsightDocument translation = InsightDocumentParser.readTranslation(words, field + ".", room, found);
                if (translation != null) {
                    translations.put(language.get(), translation);
                }
            }
        }
        return translations;
    }
}
