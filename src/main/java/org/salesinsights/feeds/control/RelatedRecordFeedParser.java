package org.salesinsights.feeds.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.salesinsights.curation.control.InsightDocumentParser;
import org.salesinsights.curation.control.RelatedRecordDocument;
import org.salesinsights.curation.control.RelatedRecordDocumentParser;
import org.salesinsights.curation.control.RelatedRecordFiles;
import org.salesinsights.insights.control.CrmRecordKey;
import org.salesinsights.insights.control.FeedNames;
import org.salesinsights.insights.control.InsightsQueryParser;
import org.salesinsights.insights.control.InvalidParameterException;
import org.salesinsights.platform.errors.ApiException;
import org.salesinsights.platform.errors.ErrorCode;
import org.salesinsights.platform.requests.JsonBodies;

/**
 * Reads what a feeder sends of the records it relates to CRM records, every problem by field in one 400
 * {@code INVALID_PARAMETER}. A related record is written as an import file writes it ({@link RelatedRecordFiles}): its
 * CRM record in {@code crmRecord} ({@code crmType}, {@code orgUrl}, {@code recordType}, {@code recordId}) and its own
 * fields as the curators' API takes them ({@link RelatedRecordDocumentParser}), but for {@code priority}, the
 * curators' alone. Its {@code recordId} names it within the CRM record and follows the external ids' rule
 * ({@link FeedNames}), so that every fed one can be named in a path.
 */
public final class RelatedRecordFeedParser {

    /** The most related records a snapshot of one CRM record may hold. */
    public static final int MAX_SNAPSHOT = 1_000;
    private static final String CURATORS_FIELD = "priority";

    private RelatedRecordFeedParser() {
    }

    /** One related record to create or replace: its source and recordId from the path, the rest from the body. */
    public static FedRelatedRecords parse(String source, String recordId, String body, InsightsQueryParser records) {
        Map<String, Object> problems = new LinkedHashMap<>();
        name(source, recordId, problems);
        JsonObject json = JsonBodies.object(body);
        CrmRecordKey crmRecord = RelatedRecordFiles.crmRecord(json.get("crmRecord"), records, problems);
        if (json.containsKey("recordId") && !JsonBodies.JSON.createValue(String.valueOf(recordId))
                .equals(json.get("recordId"))) {
            problems.put("recordId", "is the path's; leave it out or send the same.");
        }
        RelatedRecordDocument document = document(withRecordId(json, recordId), "", problems);
        refuse(problems, "The fed related record");
        return new FedRelatedRecords(source, crmRecord, List.of(document));
    }

    /**
     * All of a source's related records of one CRM record: {@code {"crmRecord": {...}, "relatedRecords": [...]}}, at
     * most {@link #MAX_SNAPSHOT}, each recordId once.
     */
    public static FedRelatedRecords parseSnapshot(String source, String body, InsightsQueryParser records) {
        Map<String, Object> problems = new LinkedHashMap<>();
        FeedItemParser.source(source, problems);
        JsonObject json = JsonBodies.object(body);
        json.keySet().stream().filter(key -> !key.equals("crmRecord") && !key.equals("relatedRecords")).sorted()
                .forEach(key -> problems.put(key, "is not a known field."));
        CrmRecordKey crmRecord = RelatedRecordFiles.crmRecord(json.get("crmRecord"), records, problems);
        List<RelatedRecordDocument> documents = new ArrayList<>();
        JsonValue items = json.get("relatedRecords");
        if (!(items instanceof JsonArray array)) {
            problems.put("relatedRecords", "is required: an array of the source's related records of the CRM record"
                    + " (empty to delete them all).");
        } else if (array.size() > MAX_SNAPSHOT) {
            problems.put("relatedRecords", "must hold at most " + MAX_SNAPSHOT + " related records; it has "
                    + array.size() + ".");
        } else {
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < array.size(); i++) {
                String at = "relatedRecords[" + i + "].";
                if (!(array.get(i) instanceof JsonObject item)) {
                    problems.put("relatedRecords[" + i + "]", "must be a related record object.");
                    continue;
                }
                RelatedRecordDocument document = document(item, at, problems);
                if (document != null) {
                    Integer first = seen.putIfAbsent(document.recordId(), i);
                    if (first != null) {
                        problems.put(at + "recordId", "is relatedRecords[" + first + "]'s too: a snapshot names"
                                + " each related record once.");
                    }
                    documents.add(document);
                }
            }
        }
        refuse(problems, "The snapshot");
        return new FedRelatedRecords(source, crmRecord, documents);
    }

    /**
     * The related record a deletion names: source and recordId from the path, its CRM record from the query as the
     * read action names it ({@code crmType}, {@code crmOrgUrl}, {@code recordType}, {@code recordId}).
     */
    public static FedRelatedRecordName name(String source, String recordId, String crmType, String crmOrgUrl,
            String crmRecordType, String crmRecordId, InsightsQueryParser records) {
        Map<String, Object> problems = new LinkedHashMap<>();
        name(source, recordId, problems);
        CrmRecordKey crmRecord = null;
        if (crmOrgUrl == null || crmOrgUrl.isBlank()) {
            problems.put("crmOrgUrl", "is required: the CRM organization of the record.");
        } else {
            try {
                crmRecord = records.parse(crmRecordType, crmRecordId, crmType, crmOrgUrl, null, null).record();
            } catch (InvalidParameterException e) {
                problems.put(e.parameter(), e.getMessage().replaceFirst("^Parameter '[^']*' ", ""));
            }
        }
        if (!problems.isEmpty()) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "The request has "
                    + InsightDocumentParser.count(problems) + "; details lists them by parameter.", problems);
        }
        return new FedRelatedRecordName(source, crmRecord, recordId);
    }

    private static void name(String source, String recordId, Map<String, Object> problems) {
        FeedItemParser.source(source, problems);
        if (!FeedNames.isExternalId(recordId)) {
            problems.put("recordId", FeedNames.EXTERNAL_ID_RULE);
        }
    }

    /** A related record's own fields, checked, with {@code at} before each problem's field; null when it has any. */
    private static RelatedRecordDocument document(JsonObject json, String at, Map<String, Object> problems) {
        Map<String, Object> found = new LinkedHashMap<>();
        if (json.containsKey(CURATORS_FIELD)) {
            found.put(CURATORS_FIELD, "is the curators' to set; a feed never sets or changes it.");
        }
        RelatedRecordDocument document = RelatedRecordDocumentParser.read(json,
                at.isEmpty() ? Set.of("crmRecord") : Set.of(), found);
        if (document != null && !FeedNames.isExternalId(document.recordId())) {
            found.put("recordId", "of a fed related record " + FeedNames.EXTERNAL_ID_RULE);
            document = null;
        }
        found.forEach((field, problem) -> problems.putIfAbsent(at + field, problem));
        return found.isEmpty() ? document : null;
    }

    /** The body with the path's recordId in it, so that the document's rules read it as they read the rest. */
    private static JsonObject withRecordId(JsonObject json, String recordId) {
        return recordId == null || json.containsKey("recordId") ? json
                : JsonBodies.JSON.createObjectBuilder(json).add("recordId", recordId).build();
    }

    private static void refuse(Map<String, Object> problems, String what) {
        if (!problems.isEmpty()) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, what + " has " + InsightDocumentParser.count(problems)
                    + "; details lists them by field.", problems);
        }
    }
}
