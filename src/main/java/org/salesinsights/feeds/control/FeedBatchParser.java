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
import org.salesinsights.insights.control.InsightsQueryParser;
import org.salesinsights.platform.errors.ApiException;
import org.salesinsights.platform.errors.ErrorCode;
import org.salesinsights.platform.requests.JsonBodies;

/**
 * Reads a feeder's batch, {@code {"items": [...]}} of up to {@value #MAX_ITEMS} items, each an {@code "action"}
 * ({@code put} or {@code delete}) on one insight named by {@code source} and {@code externalId} in its
 * organization. The batch itself must be well formed (else one 400 for all of it); each item is checked on its own,
 * with the rules of the single-insight API, so that one bad item never stops the others: its problems become its own
 * result. An item that names an insight an earlier item already named is refused too: within a batch each insight
 * is named once, so the batch's outcome never depends on the order in which it is applied.
 */
public final class FeedBatchParser {

    public static final int MAX_ITEMS = 1_000;
    /** The fields an item has beside those of the single-insight API's body. */
    static final Set<String> ITEM_FIELDS = Set.of("action", "source", "externalId");
    private static final Set<String> DELETE_FIELDS = Set.of("action", "source", "externalId", "crmType", "crmOrgUrl");

    private FeedBatchParser() {
    }

    /**
     * One item of the batch as read: what it asks, or why it cannot be done.
     *
     * @param index its place in the batch, from 0
     * @param source its source as sent, or null (for the item's result)
     * @param externalId its external id as sent, or null
     * @param operation what it asks; null when it has problems
     * @param problem its problems (400 with every one by field); null when it has none
     */
    public record Entry(int index, String source, String externalId, FeedOperation operation, ApiException problem) {
    }

    public static List<Entry> parse(String body, InsightsQueryParser records) {
        JsonObject batch = JsonBodies.object(body);
        Map<String, Object> problems = new LinkedHashMap<>();
        batch.keySet().stream().filter(key -> !key.equals("items")).sorted()
                .forEach(key -> problems.put(key, "is not a known field; a batch holds only items."));
        JsonValue items = batch.get("items");
        if (!(items instanceof JsonArray array)) {
            problems.put("items", "is required: an array of 1 to " + MAX_ITEMS + " items.");
        } else if (array.isEmpty() || array.size() > MAX_ITEMS) {
            problems.put("items", "must hold 1 to " + MAX_ITEMS + " items; it has " + array.size() + ".");
        }
        if (!problems.isEmpty()) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "The batch has " + InsightDocumentParser.count(problems)
                    + "; details lists them by field.", problems);
        }
        List<Entry> entries = new ArrayList<>();
        Map<FeedName, Integer> named = new HashMap<>();
        JsonArray array = (JsonArray) items;
        RecordNames recordNames = new RecordNames(records);
        for (int index = 0; index < array.size(); index++) {
            Entry entry = entry(index, array.get(index), recordNames);
            if (entry.operation() != null) {
                Integer earlier = named.putIfAbsent(entry.operation().name(), index);
                if (earlier != null) {
                    entry = refused(index, entry.source(), entry.externalId(), Map.of("externalId", "names the"
                            + " insight item " + earlier + " names already; a batch names each insight once."));
                }
            }
            entries.add(entry);
        }
        return entries;
    }

    private static Entry entry(int index, JsonValue value, RecordNames records) {
        if (!(value instanceof JsonObject item)) {
            return refused(index, null, null, Map.of("item", "must be an object."));
        }
        Map<String, Object> problems = new LinkedHashMap<>();
        String action = FeedItemParser.string(item, "action", problems);
        String source = FeedItemParser.string(item, "source", problems);
        String externalId = FeedItemParser.string(item, "externalId", problems);
        if (!problems.isEmpty()) {
            return refused(index, source, externalId, problems);
        }
        FeedItemParser.names(source, externalId, problems);
        FeedOperation operation = null;
        if ("put".equals(action)) {
            FeedItem fed = FeedItemParser.read(source, externalId, item, ITEM_FIELDS, records, problems);
            operation = fed == null ? null : new FeedOperation.Put(fed);
        } else if ("delete".equals(action)) {
            item.keySet().stream().filter(key -> !DELETE_FIELDS.contains(key)).sorted()
                    .forEach(key -> problems.put(key, "is not a field of a deletion."));
            FeedName name = FeedItemParser.name(source, externalId, FeedItemParser.string(item, "crmType", problems),
                    FeedItemParser.string(item, "crmOrgUrl", problems), problems);
            operation = name == null ? null : new FeedOperation.Delete(name);
        } else {
            problems.put("action", "must be put or delete.");
        }
        return problems.isEmpty() ? new Entry(index, source, externalId, operation, null)
                : refused(index, source, externalId, problems);
    }

    private static Entry refused(int index, String source, String externalId, Map<String, Object> problems) {
        return new Entry(index, source, externalId, null, new ApiException(ErrorCode.INVALID_PARAMETER, "Item " + index
                + " has " + InsightDocumentParser.count(problems) + "; details lists them by field.", problems));
    }
}
