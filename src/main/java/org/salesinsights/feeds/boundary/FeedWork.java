package org.salesinsights.feeds.boundary;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;

import org.salesinsights.changes.control.Change;
import org.salesinsights.curation.boundary.CurationViews;
import org.salesinsights.curation.boundary.InsightHistory;
import org.salesinsights.curation.control.InsightDocument;
import org.salesinsights.curation.entity.InsightChange;
import org.salesinsights.feeds.control.FeedCaller;
import org.salesinsights.feeds.control.FeedItem;
import org.salesinsights.feeds.control.FeedName;
import org.salesinsights.feeds.control.FeedOperation;
import org.salesinsights.feeds.control.FeedRows;
import org.salesinsights.insights.entity.CrmOrganization;
import org.salesinsights.insights.entity.CrmRecord;
import org.salesinsights.insights.entity.CrmType;
import org.salesinsights.insights.entity.Insight;
import org.salesinsights.insights.entity.InsightProperty;
import org.salesinsights.platform.database.Databases;
import org.salesinsights.platform.database.SequenceIds;
import org.salesinsights.platform.errors.ApiException;
import org.salesinsights.platform.errors.ErrorCode;
import org.salesinsights.tenants.entity.Feeder;
import org.salesinsights.tenants.entity.Tenant;

/**
 * One transaction's feeding, from one operation to a batch of a thousand: it reads what the operations need a few
 * statements at a time (the permits per organization, the records, the fed insights with their properties, the keys
 * a new insight's generated key could meet), applies each operation in memory, and then writes, audits and records
 * the changes once, so that a batch costs a handful of round trips beside its rows. Not thread-safe: one per call.
 */
final class FeedWork {

    /** The key a fed insight gets within its record (curators name theirs; a feed names its insight otherwise). */
    static final String KEY_PREFIX = "feed-";
    /** How many values one IN list holds: well under every database's limit on a statement's parameters. */
    private static final int CHUNK = 500;
    /** The longest a feed waits for a lock on PostgreSQL (another feed's organization lock, above all). */
    static final Duration LOCK_WAIT = Duration.ofMillis(1000);

    /** An organization as feeds name it. */
    private record OrganizationName(CrmType crmType, String host) {

        static OrganizationName of(FeedName name) {
            return new OrganizationName(name.crmType(), name.host());
        }
    }

    /** The organization fed into and who the history names, if the caller may feed it. */
    record Permit(CrmOrganization organization, String by) {
    }

    private record RecordName(long organizationId, String recordType, String recordId) {
    }

    /**
     * What became of one operation: the insight it replaced or left unchanged, or the view of the one it made (null
     * for a deletion or a refusal).
     */
    record Done(Feeds.Outcome outcome, Insight insight, ApiException refusal, FedInsightView made) {

        Done(Feeds.Outcome outcome, Insight insight, ApiException refusal) {
            this(outcome, insight, refusal, null);
        }
    }

    private final EntityManager em;
    private final FeedCaller caller;
    private final OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    private final Map<OrganizationName, Object> permits = new HashMap<>(); // a Permit or the ApiException refusing it
    private final Map<RecordName, CrmRecord> records = new HashMap<>();
    /** Every name looked up: its insight, or null when there is none. */
    private final Map<FeedName, Insight> insights = new HashMap<>();
    /** Per record id: its keys a generated one could meet ({@code feed-...}); new records have none. */
    private final Map<Long, Set<String>> feedKeys = new HashMap<>();
    /** What the operations make, by author: rows written by {@link FeedRows}, not entities. */
    private final Map<String, List<FeedRows.NewInsight>> created = new LinkedHashMap<>();
    private final Map<String, List<Insight>> updated = new LinkedHashMap<>();
    private final Map<String, List<Insight>> deleted = new LinkedHashMap<>();
    private final Set<Change> changes = new LinkedHashSet<>();
    private final Set<Long> locked = new HashSet<>();
    private SequenceIds ids;

    FeedWork(EntityManager em, FeedCaller caller) {
        this.em = Objects.requireNonNull(em);
        this.caller = Objects.requireNonNull(caller);
    }

    /**
     * The organization, if the application may feed it: the tenant that owns it lists the application among its
     * feeders, and the application's token was issued in that tenant (its administrators granted the feed role) or
     * in one of the partner's own tenants. Every refusal reads the same, so it tells nothing of other tenants.
     */
    Permit permit(FeedName name) {
        Object permit = permits.computeIfAbsent(OrganizationName.of(name), organization -> {
            try {
                return permitted(organization);
            } catch (ApiException refusal) {
                return refusal;
            }
        });
        if (permit instanceof ApiException refusal) {
            throw refusal;
        }
        return (Permit) permit;
    }

    private Permit permitted(OrganizationName name) {
        CrmOrganization organization = em.createNamedQuery(CrmOrganization.FIND, CrmOrganization.class)
                .setParameter("crmType", name.crmType()).setParameter("host", name.host())
                .getResultStream().findFirst().orElseThrow(() -> refused(name));
        Tenant owner = organization.getTenantId() == null ? null : em.find(Tenant.class, organization.getTenantId());
        if (owner == null || !(caller.partner() || owner.getId().equals(caller.tenantId()))) {
            throw refused(name);
        }
        Feeder feeder = owner.feeder(caller.appId()).orElseThrow(() -> refused(name));
        return new Permit(organization, "app " + feeder.getName() + " (" + feeder.getAppId() + ")");
    }

    private ApiException refused(OrganizationName name) {
        return new ApiException(ErrorCode.INSUFFICIENT_PERMISSIONS, "The application " + caller.appId() + " may not feed"
                + " the " + name.crmType().label() + " organization " + name.host() + ": the registry entry of the"
                + " tenant that owns it must list the application among its feeders, and the application's token"
                + " must come from that tenant (or from the partner's).", Map.of("crmOrgUrl", name.host()));
    }

    /** Reads, a few statements for all of them, what the operations of permitted organizations need. */
    void load(List<FeedOperation> operations) {
        Map<Permit, List<FeedOperation>> byOrganization = new LinkedHashMap<>();
        for (FeedOperation operation : operations) {
            try {
                byOrganization.computeIfAbsent(permit(operation.name()), p -> new ArrayList<>()).add(operation);
            } catch (ApiException refusal) {
                // the operation is refused on its own when applied
            }
        }
        byOrganization.keySet().stream().sorted(Comparator.comparing(p -> p.organization().getId()))
                .forEach(this::lock);
        byOrganization.forEach(this::load);
    }

    /**
     * Feeds into one organization take its row's lock (in the order of the organizations' ids, so two batches never
     * wait on each other in a circle) before they read anything: they are applied one transaction at a time, each
     * reading what the one before it committed. Without it two batches making the same new records and insights
     * insert them in orders of their own (EclipseLink's, not the batch's) and deadlock on the unique indexes. Reads
     * take no lock and never wait; curators wait only to make a record in the organization (a foreign key).
     */
    void lock(Permit permit) {
        if (locked.isEmpty()) {
            boundLockWaits();
        }
        if (locked.add(permit.organization().getId())) {
            em.lock(permit.organization(), LockModeType.PESSIMISTIC_WRITE);
        }
    }

    /**
     * On PostgreSQL, a statement of this transaction waits at most {@link #LOCK_WAIT} for a lock, well inside the
     * driver's socket timeout (2 s): a feed queued behind a slow one then fails as busy (55P03, retried, at last a 503
     * with Retry-After), where a socket timeout broke its connection and made the pool close all of them, failing
     * the reads of the moment too.
     */
    private void boundLockWaits() {
        try {
            Connection db = em.unwrap(Connection.class);
            if (Databases.isPostgreSQL(db)) {
                try (Statement set = db.createStatement()) {
                    set.execute("SET LOCAL lock_timeout = '" + LOCK_WAIT.toMillis() + "ms'");
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException("Bounding the feed's lock waits failed", e);
        }
    }

    private void load(Permit permit, List<FeedOperation> operations) {
        CrmOrganization organization = permit.organization();
        Map<String, Set<String>> recordIds = new HashMap<>(); // by record type
        Map<String, Set<String>> externalIds = new HashMap<>(); // by source
        for (FeedOperation operation : operations) {
            if (operation instanceof FeedOperation.Put put) {
                recordIds.computeIfAbsent(put.item().recordType(), type -> new HashSet<>()).add(put.item().recordId());
            }
            if (!insights.containsKey(operation.name())) {
                externalIds.computeIfAbsent(operation.name().source(), s -> new HashSet<>())
                        .add(operation.name().externalId());
            }
        }
        Set<Long> existing = new HashSet<>();
        recordIds.forEach((type, ids) -> inChunks(ids, chunk -> unbound(em.createNamedQuery(CrmRecord.FIND_ALL,
                CrmRecord.class)).setParameter("organization", organization).setParameter("recordType", type)
                .setParameter("recordIds", chunk).getResultList().forEach(record -> {
                    records.put(new RecordName(organization.getId(), type, record.getRecordId()), record);
                    existing.add(record.getId());
                })));
        inChunks(existing, chunk -> em.createNamedQuery(Insight.FEED_KEYS, Object[].class)
                .setParameter("recordIds", chunk).getResultList()
                .forEach(row -> keysOf((Long) row[0]).add((String) row[1])));
        existing.forEach(this::keysOf);
        externalIds.forEach((source, ids) -> {
            ids.forEach(id -> insights.put(new FeedName(source, id, organization.getCrmType(),
                    organization.getHost()), null));
            // their records come with them (the query joins them); their properties are read when compared, one
            // statement each: a batch fetch of the properties left their descriptor unready on WildFly (no weaving
            // there), and the next flush of such an insight failed there (EclipseLink-69)
            inChunks(ids, chunk -> known(unbound(em.createNamedQuery(Insight.FED_ALL, Insight.class))
                    .setParameter("organizationId", organization.getId()).setParameter("source", source)
                    .setParameter("externalIds", chunk).getResultList()));
        });
    }

    /** All of the source's insights of a snapshot's scope, which it may delete: a record's, or the organization's. */
    List<Insight> inScope(Permit permit, String source, String recordType, String recordId) {
        CrmOrganization organization = permit.organization();
        TypedQuery<Insight> query;
        if (recordId == null) {
            query = em.createNamedQuery(Insight.FED_IN_ORGANIZATION, Insight.class);
        } else {
            CrmRecord record = em.createNamedQuery(CrmRecord.FIND, CrmRecord.class)
                    .setParameter("organization", organization).setParameter("recordType", recordType)
                    .setParameter("recordId", recordId).getResultStream().findFirst().orElse(null);
            if (record == null) {
                return List.of();
            }
            query = em.createNamedQuery(Insight.FED_IN_RECORD, Insight.class).setParameter("record", record);
        }
        List<Insight> found = query.setParameter("organizationId", organization.getId())
                .setParameter("source", source).getResultList();
        known(found);
        return found;
    }

    private void known(List<Insight> found) {
        for (Insight insight : found) {
            CrmOrganization organization = insight.getRecord().getOrganization();
            insights.put(new FeedName(insight.getFeedSource(), insight.getFeedExternalId(),
                    organization.getCrmType(), organization.getHost()), insight);
        }
    }

    /**
     * With its values written into the SQL rather than bound: a statement with hundreds of parameters, prepared again
     * and again, gets PostgreSQL's generic plan after five runs, which for an external id list planned on young
     * statistics (the feed columns all empty) reads every fed insight of the source: 180 ms a batch, growing with
     * each. Written out, each list is planned for its values (a millisecond). The values are checked names and ids.
     */
    private static <T> TypedQuery<T> unbound(TypedQuery<T> query) {
        return query.setHint("eclipselink.jdbc.bind-parameters", "false");
    }

    private static <T> void inChunks(Collection<T> values, Consumer<List<T>> chunkConsumer) {
        List<T> all = new ArrayList<>(values);
        for (int from = 0; from < all.size(); from += CHUNK) {
            chunkConsumer.accept(all.subList(from, Math.min(all.size(), from + CHUNK)));
        }
    }

    private Set<String> keysOf(long recordId) {
        return feedKeys.computeIfAbsent(recordId, id -> new HashSet<>());
    }

    /** Applies one operation in memory (after {@link #load}); a refused one changes nothing. */
    Done apply(FeedOperation operation) {
        Permit permit;
        try {
            permit = permit(operation.name());
        } catch (ApiException refusal) {
            return new Done(Feeds.Outcome.REFUSED, null, refusal);
        }
        if (operation instanceof FeedOperation.Put put) {
            return put(permit, put.item());
        }
        return delete(permit, insights.get(operation.name()));
    }

    private Done put(Permit permit, FeedItem item) {
        CrmRecord record = record(permit.organization(), item);
        Insight insight = insights.get(item.name());
        if (insight == null) {
            long id = nextId();
            String key = KEY_PREFIX + id;
            Set<String> keys = keysOf(record.getId());
            if (keys.contains(key)) { // a curator may have chosen this very key for another insight of the record
                key = key + "-" + UUID.randomUUID().toString().substring(0, 8);
            }
            keys.add(key);
            FeedRows.NewInsight made = new FeedRows.NewInsight(id, record.getId(), key,
                    permit.organization().getId(), item.name(), item.content(), permit.by(), now);
            created.computeIfAbsent(permit.by(), by -> new ArrayList<>()).add(made);
            changes.add(changeOf(record));
            return new Done(Feeds.Outcome.CREATED, null, null, FedInsightView.of(item, made));
        }
        CrmRecord before = insight.getRecord();
        boolean moved = !before.getId().equals(record.getId());
        if (!moved && isAsFed(insight, item.content())) {
            return new Done(Feeds.Outcome.UNCHANGED, insight, null); // a retry, or nothing new: nothing is written
        }
        if (moved) {
            if (keysOf(record.getId()).contains(insight.getKey())
                    || taken(record, insight.getKey(), insight.getId())) {
                insight.rekey(KEY_PREFIX + insight.getId() + "-" + UUID.randomUUID().toString().substring(0, 8));
            }
            insight.moveTo(record);
            keysOf(record.getId()).add(insight.getKey());
            changes.add(changeOf(before));
        }
        feed(insight, item.content(), permit.by());
        updated.computeIfAbsent(permit.by(), by -> new ArrayList<>()).add(insight);
        changes.add(changeOf(record));
        return new Done(Feeds.Outcome.REPLACED, insight, null);
    }

    /** Deletes the insight; one already gone (or never fed) is no failure, so a retried deletion succeeds too. */
    Done delete(Permit permit, Insight insight) {
        if (insight == null) {
            return new Done(Feeds.Outcome.ABSENT, null, null);
        }
        deleted.computeIfAbsent(permit.by(), by -> new ArrayList<>()).add(insight);
        changes.add(changeOf(insight.getRecord()));
        return new Done(Feeds.Outcome.DELETED, null, null);
    }

    /** The record, made when first fed. */
    private CrmRecord record(CrmOrganization organization, FeedItem item) {
        return records.computeIfAbsent(new RecordName(organization.getId(), item.recordType(), item.recordId()),
                name -> {
                    CrmRecord record = new CrmRecord(organization, item.recordType(), item.recordId(),
                            item.recordName());
                    em.persist(record);
                    feedKeys.put(record.getId(), new HashSet<>());
                    return record;
                });
    }

    /**
     * Writes what was applied: the deleted insights' history first (while their translations are still there), then
     * the entities' changes (new records among them), then the new insights' rows, and the history of what was made
     * or replaced (with the versions the writes gave them).
     *
     * @return the changes the read caches must hear of (the caller records them in the change log)
     */
    Set<Change> write(InsightHistory history) {
        deleted.forEach((by, gone) -> history.recordHistory(gone, InsightChange.Action.DELETED, by));
        deleted.values().forEach(gone -> gone.forEach(em::remove));
        em.flush();
        if (!created.isEmpty()) {
            List<FeedRows.NewInsight> made = created.values().stream().flatMap(List::stream).toList();
            try {
                FeedRows.insert(em.unwrap(Connection.class), made);
            } catch (SQLException e) {
                throw new PersistenceException("Writing " + made.size() + " fed insights failed", e);
            }
            created.forEach((by, rows) -> history.recordCreated(rows.stream().map(FeedWork::view).toList(), by, now));
        }
        updated.forEach((by, changed) -> history.recordHistory(changed, InsightChange.Action.UPDATED, by));
        return changes;
    }

    /** A made insight as the curators' entity would read it, for its history. */
    private static CurationViews.InsightView view(FeedRows.NewInsight made) {
        InsightDocument content = made.content();
        Map<String, String> properties = new LinkedHashMap<>();
        content.additionalProperties().forEach(p -> properties.put(p.name(), p.value()));
        return new CurationViews.InsightView(made.id(), made.recordId(), 1, made.key(), made.name().source(),
                made.name().externalId(), content.title(), content.description(), content.url(), content.dateTime(),
                false, 0, false, content.language(), content.visibleFrom(), content.visibleUntil(), properties,
                Map.of(), made.at(), made.by());
    }

    private long nextId() {
        try {
            if (ids == null) {
                ids = new SequenceIds(em.unwrap(Connection.class), Insight.class);
            }
            return ids.next();
        } catch (SQLException e) {
            throw new PersistenceException("Taking ids for fed insights failed", e);
        }
    }

    private void feed(Insight insight, InsightDocument content, String by) {
        insight.feed(content.title(), content.description(), content.url(), content.dateTime(), content.language(),
                content.visibleFrom(), content.visibleUntil(), content.additionalProperties().stream()
                        .map(p -> new InsightProperty(p.name(), p.value())).toList(), by, now);
    }

    /** Whether the insight already holds what the feed sends: times compared as instants. */
    static boolean isAsFed(Insight insight, InsightDocument content) {
        return Objects.equals(insight.getTitle(), content.title())
                && Objects.equals(insight.getDescription(), content.description())
                && Objects.equals(insight.getUrl(), content.url())
                && sameInstant(insight.getOccurredAt(), content.dateTime())
                && Objects.equals(insight.getLanguage(), content.language())
                && sameInstant(insight.getVisibleFrom(), content.visibleFrom())
                && sameInstant(insight.getVisibleUntil(), content.visibleUntil())
                && insight.getProperties().stream().map(p -> new InsightDocument.Property(p.getName(), p.getValue()))
                        .toList().equals(content.additionalProperties());
    }

    private static boolean sameInstant(OffsetDateTime a, OffsetDateTime b) {
        return a == null ? b == null : b != null && a.toInstant().equals(b.toInstant());
    }

    /**
     * Whether another insight of the record has the key (an insight moving there keeps its own when it can). No
     * flush before the query: it would write new insights before their keys are set.
     */
    private boolean taken(CrmRecord record, String key, Long except) {
        return em.createNamedQuery(Insight.ID_BY_KEY, Long.class).setParameter("record", record).setParameter("key", key).setFlushMode(FlushModeType.COMMIT)
                .getResultStream().anyMatch(id -> !id.equals(except));
    }

    /** What the read caches must drop when an insight of the record changes: every answer about the record. */
    private static Change changeOf(CrmRecord record) {
        return Change.record(record.getOrganization().getCrmType().name(), record.getRecordType(),
                record.getRecordId());
    }
}
