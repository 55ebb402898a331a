package org.salesinsights.feeds.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import org.salesinsights.curation.control.InsightDocumentParser;
import org.salesinsights.insights.control.CrmRecordKey;
import org.salesinsights.insights.control.InsightsQueryParser;
import org.salesinsights.insights.control.InvalidParameterException;
import org.salesinsights.insights.entity.CrmType;
import org.salesinsights.platform.errors.ApiException;
import org.salesinsights.platform.errors.ErrorCode;
import org.salesinsights.platform.requests.JsonBodies;

/**
 * Reads a snapshot of one source: {@code crmType} and {@code crmOrgUrl} name the organization; with
 * {@code recordType} and {@code recordId} the snapshot is of that record (its items name no record), without them of
 * the whole organization (each item names its record). {@code items} holds up to {@value #MAX_ITEMS} insights, each
 * with its {@code externalId}. A snapshot is all or nothing, since what it leaves out is deleted: one problem anywhere
 * refuses all of it, every problem listed by field ({@code items[3].title}).
 */
public final class FeedSnapshotParser {

    public static final int MAX_ITEMS = 10_000;
    private static final Set<String> FIELDS = Set.of("crmType", "crmOrgUrl", "recordType", "recordId", "recordName",
            "items");
    private static final Set<String> SCOPE_FIELDS = Set.of("crmType", "crmOrgUrl", "recordType", "recordId",
            "recordName");

    private FeedSnapshotParser() {
    }

    public static FeedSnapshot parse(String source, String body, InsightsQueryParser records) {
        JsonObject json = JsonBodies.object(body);
        Map<String, Object> problems = new LinkedHashMap<>();
        FeedItemParser.source(source, problems);
        json.keySet().stream().filter(key -> !FIELDS.contains(key)).sorted()
                .forEach(key -> problems.put(key, "is not a known field."));
        String crmType = FeedItemParser.string(json, "crmType", problems);
        String crmOrgUrl = FeedItemParser.string(json, "crmOrgUrl", problems);
        String recordType = FeedItemParser.string(json, "recordType", problems);
        String recordId = FeedItemParser.string(json, "recordId", problems);
        boolean ofRecord = recordType != null || recordId != null;
        Scope scope = ofRecord ? recordScope(json, crmType, crmOrgUrl, recordType, recordId, records, problems)
                : organizationScope(crmType, crmOrgUrl, problems);
        if (!ofRecord && json.containsKey("recordName")) {
            problems.put("recordName", "names the record of a snapshot of one record; here each item names its own.");
        }
        JsonValue items = json.get("items");
        List<FeedItem> fed = new ArrayList<>();
        if (!(items instanceof JsonArray array)) {
            problems.put("items", "is required: an array of at most " + MAX_ITEMS + " insights (empty: the source"
                    + " has none there any more).");
        } else if (array.size() > MAX_ITEMS) {
            problems.put("items", "must hold at most " + MAX_ITEMS + " insights; it has " + array.size() + ".");
        } else if (scope != null && problems.isEmpty()) {
            fed = items(source, json, array, ofRecord, new RecordNames(records), problems);
        }
        if (!problems.isEmpty()) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "The snapshot has "
                    + InsightDocumentParser.count(problems) + "; details lists them by field.", problems);
        }
        return new FeedSnapshot(source, scope.crmType(), scope.host(), scope.recordType(), scope.recordId(), fed);
    }

    private record Scope(CrmType crmType, String host, String recordType, String recordId) {
    }

    private static Scope recordScope(JsonObject json, String crmType, String crmOrgUrl, String recordType,
            String recordId, InsightsQueryParser records, Map<String, Object> problems) {
        Optional<String> host = FeedItemParser.organizationHost(crmOrgUrl, problems);
        if (host.isEmpty() || problems.containsKey("recordType") || problems.containsKey("recordId")) {
            return null;
        }
        try {
            CrmRecordKey record = records.parse(recordType, recordId, crmType, crmOrgUrl, null, null).record();
            return new Scope(record.crmType(), host.get(), record.recordType(), record.recordId());
        } catch (InvalidParameterException e) {
            problems.put(e.parameter(), e.getMessage().replaceFirst("^Parameter '[^']*' ", ""));
            return null;
        }
    }

    private static Scope organizationScope(String crmType, String crmOrgUrl, Map<String, Object> problems) {
        Optional<CrmType> type = FeedItemParser.organizationType(crmType, problems);
        Optional<String> host = FeedItemParser.organizationHost(crmOrgUrl, problems);
        return type.isEmpty() || host.isEmpty() ? null : new Scope(type.get(), host.get(), null, null);
    }

    /**
     * Each item read as the single-insight API reads its body, with the snapshot's organization (and record) filled
     * in: an item of a snapshot of one record may not name a record, one of an organization may not name another.
     */
    private static List<FeedItem> items(String source, JsonObject snapshot, JsonArray array, boolean ofRecord,
            RecordNames records, Map<String, Object> problems) {
        List<FeedItem> items = new ArrayList<>();
        Map<String, Integer> named = new HashMap<>();
        for (int index = 0; index < array.size(); index++) {
            String prefix = "items[" + index + "].";
            Map<String, Object> found = new LinkedHashMap<>();
            if (!(array.get(index) instanceof JsonObject item)) {
                problems.put("items[" + index + "]", "must be an object.");
                continue;
            }
            JsonObjectBuilder whole = JsonBodies.JSON.createObjectBuilder(item).remove("externalId");
            for (String field : SCOPE_FIELDS) {
                boolean own = !ofRecord && (field.equals("recordType") || field.equals("recordId")
                        || field.equals("recordName"));
                if (own) {
                    continue;
                }
                if (item.containsKey(field)) {
                    found.put(field, "is the snapshot's: " + (ofRecord ? "its record is named once, at the top."
                            : "its organization is named once, at the top."));
                }
                if (snapshot.containsKey(field)) {
                    whole.add(field, snapshot.get(field));
                } else {
                    whole.remove(field);
                }
            }
            String externalId = FeedItemParser.string(item, "externalId", found);
            if (externalId != null || !found.containsKey("externalId")) {
                FeedItemParser.externalId(externalId, found);
            }
            Integer earlier = externalId == null ? null : named.putIfAbsent(externalId, index);
            if (earlier != null) {
                found.put("externalId", "is item " + earlier + "'s too; a snapshot names each insight once.");
            }
            FeedItem fed = FeedItemParser.read(source, externalId, whole.build(), Set.of(), records, found);
            found.forEach((field, problem) -> problems.put(prefix + field, problem));
            if (fed != null && found.isEmpty()) {
                items.add(fed);
            }
        }
        return items;
    }
}
