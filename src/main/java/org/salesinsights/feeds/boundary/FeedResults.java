package org.salesinsights.feeds.boundary;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.salesinsights.platform.errors.ApiError;
import org.salesinsights.platform.errors.ApiException;

/**
 * What a batch or a snapshot did: how many insights each outcome had, then one result per item in the order sent.
 * An item's {@code status} is what the single-insight API would have answered for it (201, 200, 204, 400, 403).
 */
@Schema(name = "FeedResults", description = "Counts per outcome, then a result per item in the order sent.")
@JsonbPropertyOrder({"created", "replaced", "unchanged", "deleted", "absent", "refused", "results"})
public record FeedResults(int created, int replaced, int unchanged, int deleted, int absent, int refused,
        List<Item> results) {

    /**
     * One item's result: its place in the request and its name as sent, the status and outcome, the insight's
     * version (its ETag) after a put, or the error (the contract's body, without an activity id) that refused it.
     */
    @Schema(name = "FeedItemResult")
    @JsonbPropertyOrder({"index", "source", "externalId", "status", "outcome", "version", "error"})
    public record Item(int index, String source, String externalId, int status, String outcome, Long version,
            ApiError error) {

        static Item of(int index, String source, String externalId, Feeds.Result result) {
            if (result.refusal() != null) {
                return refused(index, source, externalId, result.refusal());
            }
            int status = switch (result.outcome()) {
                case CREATED -> 201;
                case REPLACED, UNCHANGED -> 200;
                default -> 204;
            };
            return new Item(index, source, externalId, status, result.outcome().name().toLowerCase(Locale.ROOT),
                    result.insight() == null ? null : result.insight().version(), null);
        }

        static Item refused(int index, String source, String externalId, ApiException refusal) {
            return new Item(index, source, externalId, refusal.status(), "refused", null,
                    new ApiError(refusal.errorCode().name(), refusal.getMessage(), null, refusal.details()));
        }
    }

    /** The counts of the items' outcomes, and {@code alsoDeleted} more deletions (a snapshot's). */
    static FeedResults of(List<Item> items, int alsoDeleted) {
        Map<Feeds.Outcome, Integer> counts = new EnumMap<>(Feeds.Outcome.class);
        items.forEach(item -> counts.merge(Feeds.Outcome.valueOf(item.outcome().toUpperCase(Locale.ROOT)), 1,
                Integer::sum));
        return new FeedResults(counts.getOrDefault(Feeds.Outcome.CREATED, 0),
                counts.getOrDefault(Feeds.Outcome.REPLACED, 0), counts.getOrDefault(Feeds.Outcome.UNCHANGED, 0),
                counts.getOrDefault(Feeds.Outcome.DELETED, 0) + alsoDeleted, counts.getOrDefault(Feeds.Outcome.ABSENT, 0),
                counts.getOrDefault(Feeds.Outcome.REFUSED, 0), new ArrayList<>(items));
    }
}
