package org.salesinsights.feeds.boundary;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.salesinsights.changes.boundary.ChangeLog;
import org.salesinsights.curation.boundary.InsightHistory;
import org.salesinsights.curation.entity.InsightChange;
import org.salesinsights.feeds.control.FeedCaller;
import org.salesinsights.feeds.control.FeedItem;
import org.salesinsights.feeds.control.FeedName;
import org.salesinsights.feeds.control.FeedOperation;
import org.salesinsights.feeds.control.FeedSnapshot;
import org.salesinsights.insights.entity.Insight;
import org.salesinsights.platform.errors.ApiException;

/**
 * What applications feed, one transaction per call: insights named by their source and external id within an
 * organization are created or replaced, or deleted, one at a time, in batches, or as a snapshot of a source. The feed
 * owns their content and validity; the curators' pinned, priority and hidden are never touched. Every change goes to
 * the insight's history under the application's registry name and to the change log, so every node's read cache
 * drops what it touches; a feed that changes nothing writes nothing, so a retry is answered as the first call was.
 */
@Stateless
public class Feeds {

    @PersistenceContext
    EntityManager em;

    @EJB
    ChangeLog changeLog;

    @EJB
    InsightHistory history;

    /** What became of one operation. A retry of a creation is {@code UNCHANGED}, of a deletion {@code ABSENT}. */
    public enum Outcome {
        CREATED, REPLACED, UNCHANGED, DELETED, ABSENT, REFUSED
    }

    /** What became of one operation: the insight as it is now (null for a deletion), or why it was refused. */
    public record Result(Outcome outcome, FedInsightView insight, ApiException refusal) {
    }

    /** What a snapshot did: an outcome per item, in the snapshot's order, and how many insights it deleted. */
    public record Synced(List<Result> results, int deleted) {
    }

    /** Creates the insight (with its record, when that is new) or replaces what the feed owns of it. */
    public Result put(FeedCaller caller, FeedItem item) {
        return alone(apply(caller, List.of(new FeedOperation.Put(item))).get(0));
    }

    /** Deletes the insight; one already gone (or never fed) is no failure, so a retried deletion succeeds too. */
    public void delete(FeedCaller caller, FeedName name) {
        alone(apply(caller, List.of(new FeedOperation.Delete(name))).get(0));
    }

    private static Result alone(Result result) {
        if (result.refusal() != null) {
            throw result.refusal();
        }
        return result;
    }

    /**
     * The operations in one transaction, each on its own: one whose organization the application may not feed is
     * refused alone and the others are done. A database failure fails them all (nothing is written), so the batch
     * can be sent again as a whole.
     */
    public List<Result> apply(FeedCaller caller, List<FeedOperation> operations) {
        FeedWork work = new FeedWork(em, caller);
        work.load(operations);
        List<FeedWork.Done> done = operations.stream().map(work::apply).toList();
        changeLog.record(work.write(history));
        return done.stream().map(Feeds::result).toList();
    }

    /**
     * Makes the snapshot true, in one transaction: its items are created or replaced, and every other insight of the
     * source in its scope (the record, or the whole organization) is deleted. 403 for all of it if the application
     * may not feed the organization.
     */
    public Synced sync(FeedCaller caller, FeedSnapshot snapshot) {
        FeedWork work = new FeedWork(em, caller);
        FeedWork.Permit permit = work.permit(new FeedName(snapshot.source(), "snapshot", snapshot.crmType(),
                snapshot.host()));
        work.lock(permit);
        List<Insight> inScope = work.inScope(permit, snapshot.source(), snapshot.recordType(), snapshot.recordId());
        List<FeedOperation> puts = snapshot.items().stream().<FeedOperation>map(FeedOperation.Put::new).toList();
        work.load(puts);
        List<FeedWork.Done> done = new ArrayList<>(puts.stream().map(work::apply).toList());
        Set<String> kept = new HashSet<>();
        snapshot.items().forEach(item -> kept.add(item.name().externalId()));
        int deleted = 0;
        for (Insight insight : inScope) {
            if (!kept.contains(insight.getFeedExternalId())) {
                work.delete(permit, insight);
                deleted++;
            }
        }
        changeLog.record(work.write(history));
        return new Synced(done.stream().map(Feeds::result).toList(), deleted);
    }

    private static Result result(FeedWork.Done done) {
        return new Result(done.outcome(), done.made() != null ? done.made()
                : done.insight() == null ? null : FedInsightView.of(done.insight()), done.refusal());
    }
}
