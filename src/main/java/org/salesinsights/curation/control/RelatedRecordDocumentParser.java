package org.salesinsights.curation.control;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.salesinsights.platform.errors.ApiException;
import org.salesinsights.platform.errors.ErrorCode;
import org.salesinsights.platform.requests.JsonBodies;
import org.salesinsights.platform.requests.Texts;

/**
 * Reads a curator's related record and checks all of it at once, as {@link InsightDocumentParser} checks an insight:
 * every problem by field (400 {@code INVALID_PARAMETER} with {@code details}), unknown fields refused, texts counted in
 * UTF-16 code units.
 */
public final class RelatedRecordDocumentParser {

    public static final int MAX_RECORD_ID = 200;
    public static final int MAX_TYPE_NAME = 100;
    public static final int MAX_TITLE = 200;
    private static final Pattern RECORD_TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
    private static final Set<String> FIELDS = Set.of("recordId", "recordType", "recordTypeDisplayName",
            "recordTypePluralDisplayName", "recordTitle", "url", "language", "priority", "additionalProperties");

    private RelatedRecordDocumentParser() {
    }

    public static RelatedRecordDocument parse(String body) {
        Map<String, Object> problems = new LinkedHashMap<>();
        RelatedRecordDocument document = read(JsonBodies.object(body), Set.of(), problems);
        if (!problems.isEmpty()) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "The related record has "
                    + InsightDocumentParser.count(problems) + "; details lists them by field.", problems);
        }
        return document;
    }

    /**
     * Reads the related record's fields of {@code json}, adding every problem to {@code problems}; null when it has
     * any. Fields that are neither the related record's nor among {@code others} are refused.
     */
    public static RelatedRecordDocument read(JsonObject json, Set<String> others, Map<String, Object> problems) {
        Map<String, Object> found = new LinkedHashMap<>();
        json.keySet().stream().filter(key -> !FIELDS.contains(key) && !others.contains(key)).sorted()
                .forEach(key -> found.put(key, "is not a known field."));
        String recordId = InsightDocumentParser.text(json, "recordId", MAX_RECORD_ID, true, found);
        String recordType = recordType(json, found);
        String typeName = InsightDocumentParser.text(json, "recordTypeDisplayName", MAX_TYPE_NAME, true, found);
        String pluralName = InsightDocumentParser.text(json, "recordTypePluralDisplayName", MAX_TYPE_NAME, true,
                found);
        String title = InsightDocumentParser.text(json, "recordTitle", MAX_TITLE, true, found);
        String url = InsightDocumentParser.url(json, found);
        String language = InsightDocumentParser.language(json, found);
        int priority = InsightDocumentParser.priority(json, found);
        List<InsightDocument.Property> properties = InsightDocumentParser.properties(json, found);
        problems.putAll(found);
        return found.isEmpty() ? new RelatedRecordDocument(recordId, recordType, typeName, pluralName, title, url,
                language, priority, properties) : null;
    }

    /** The system name of the type, such as contract: a name, as a CRM's record types are. */
    private static String recordType(JsonObject json, Map<String, Object> problems) {
        if (InsightDocumentParser.absent(json, "recordType")) {
            problems.put("recordType", "is required.");
            return null;
        }
        if (json.get("recordType") instanceof JsonString string
                && RECORD_TYPE.matcher(string.getString().strip()).matches()
                && !Texts.hasControlOrBrokenCharacters(string.getString())) {
            return string.getString().strip();
        }
        problems.put("recordType", "must be a system name of 1 to 64 letters, digits and _ (starting with a letter),"
                + " such as contract.");
        return null;
    }
}
