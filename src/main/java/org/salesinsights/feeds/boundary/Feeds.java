package org.salesinsights.feeds.boundary;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;

import org.salesinsights.changes.boundary.ChangeLog;
import org.salesinsights.changes.control.Change;
import org.salesinsights.curation.boundary.Curation;
import org.salesinsights.curation.control.InsightDocument;
import org.salesinsights.curation.entity.InsightChange;
import org.salesinsights.feeds.control.FeedCaller;
import org.salesinsights.feeds.control.FeedItem;
import org.salesinsights.feeds.control.FeedName;
import org.salesinsights.insights.entity.CrmOrganization;
import org.salesinsights.insights.entity.CrmRecord;
import org.salesinsights.insights.entity.Insight;
import org.salesinsights.insights.entity.InsightProperty;
import org.salesinsights.platform.ApiException;
import org.salesinsights.tenants.entity.Feeder;
import org.salesinsights.tenants.entity.Tenant;

/**
 * What applications feed, one transaction per call: an insight named by its source and external id within an
 * organization is created or replaced, or deleted. The feed owns its content and validity; the curators' pinned,
 * priority and hidden are never touched. Every change goes to the insight's history under the application's registry
 * name and to the change log, so every node's read cache drops what it touches; a feed that changes nothing writes
 * nothing, so a retry is answered as the first call was.
 */
@Stateless
public class Feeds {

    /** The key a fed insight gets within its record (curators name theirs; a feed names its insight otherwise). */
    static final String KEY_PREFIX = "feed-";

    @PersistenceContext
    EntityManager em;

    @EJB
    ChangeLog changeLog;

    @EJB
    Curation curation;

    /** What a feed of one insight did: whether it made it, and the insight as it is now. */
    public record Outcome(boolean created, FedInsightView insight) {
    }

    /** Creates the insight (with its record, when that is new) or replaces what the feed owns of it. */
    public Outcome put(FeedCaller caller, FeedItem item) {
        Permit permit = permitted(caller, item.name());
        CrmOrganization organization = permit.organization();
        CrmRecord record = record(organization, item);
        Insight insight = fed(organization, item.name());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (insight == null) {
            insight = new Insight(record);
            insight.fedAs(organization.getId(), item.name().source(), item.name().externalId());
            feed(insight, item.content(), permit.by(), now);
            em.persist(insight);
            String key = KEY_PREFIX + insight.getId(); // the id is there once persisted (a sequence)
            insight.rekey(taken(record, key, null) ? key + "-" + UUID.randomUUID().toString().substring(0, 8) : key);
            em.flush();
            changeLog.record(changeOf(record));
            curation.recordHistory(insight, InsightChange.Action.CREATED, permit.by());
            return new Outcome(true, FedInsightView.of(insight));
        }
        CrmRecord before = insight.getRecord();
        boolean moved = !before.getId().equals(record.getId());
        if (!moved && isAsFed(insight, item.content())) {
            return new Outcome(false, FedInsightView.of(insight)); // a retry, or nothing new: nothing is written
        }
        if (moved) {
            if (taken(record, insight.getKey(), insight.getId())) {
                insight.rekey(KEY_PREFIX + insight.getId() + "-" + UUID.randomUUID().toString().substring(0, 8));
            }
            insight.moveTo(record);
        }
        feed(insight, item.content(), permit.by(), now);
        em.flush();
        changeLog.record(moved ? List.of(changeOf(before), changeOf(record)) : List.of(changeOf(record)));
        curation.recordHistory(insight, InsightChange.Action.UPDATED, permit.by());
        return new Outcome(false, FedInsightView.of(insight));
    }

    /** Deletes the insight; one already gone (or never fed) is no failure, so a retried deletion succeeds too. */
    public void delete(FeedCaller caller, FeedName name) {
        Permit permit = permitted(caller, name);
        Insight insight = fed(permit.organization(), name);
        if (insight == null) {
            return;
        }
        changeLog.record(changeOf(insight.getRecord()));
        curation.recordHistory(insight, InsightChange.Action.DELETED, permit.by());
        em.remove(insight);
    }

    /** The organization fed into and who the history names, if the caller may feed it; else 403. */
    private record Permit(CrmOrganization organization, String by) {
    }

    /**
     * The application may feed an organization when the tenant that owns it lists the application among its
     * feeders and the application's token was issued in that tenant (its administrators granted the feed role) or in
     * one of the partner's own tenants. Every refusal reads the same, so it tells nothing of other tenants.
     */
    private Permit permitted(FeedCaller caller, FeedName name) {
        CrmOrganization organization = em.createNamedQuery(CrmOrganization.FIND, CrmOrganization.class)
                .setParameter("crmType", name.crmType()).setParameter("host", name.host())
                .getResultStream().findFirst().orElseThrow(() -> refused(caller, name));
        Tenant owner = organization.getTenant();
        if (owner == null || !(caller.partner() || owner.getId().equals(caller.tenantId()))) {
            throw refused(caller, name);
        }
        Feeder feeder = owner.feeder(caller.appId()).orElseThrow(() -> refused(caller, name));
        return new Permit(organization, "app " + feeder.getName() + " (" + feeder.getAppId() + ")");
    }

    private static ApiException refused(FeedCaller caller, FeedName name) {
        return new ApiException(403, "INSUFFICIENT_PERMISSIONS", "The application " + caller.appId() + " may not feed"
                + " the " + name.crmType().label() + " organization " + name.host() + ": the registry entry of the"
                + " tenant that owns it must list the application among its feeders, and the application's token"
                + " must come from that tenant (or from the partner's).", Map.of("crmOrgUrl", name.host()));
    }

    /** The record, made when first fed. */
    private CrmRecord record(CrmOrganization organization, FeedItem item) {
        CrmRecord record = em.createNamedQuery(CrmRecord.FIND, CrmRecord.class)
                .setParameter("organization", organization).setParameter("recordType", item.recordType())
                .setParameter("recordId", item.recordId()).getResultStream().findFirst().orElse(null);
        if (record == null) {
            record = new CrmRecord(organization, item.recordType(), item.recordId(), item.recordName());
            em.persist(record);
        }
        return record;
    }

    private Insight fed(CrmOrganization organization, FeedName name) {
        return em.createNamedQuery(Insight.FED, Insight.class).setParameter("organizationId", organization.getId())
                .setParameter("source", name.source()).setParameter("externalId", name.externalId())
                .getResultStream().findFirst().orElse(null);
    }

    private static void feed(Insight insight, InsightDocument content, String by, OffsetDateTime now) {
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
     * Whether another insight of the record has the key. No flush before the query: it would write a new insight
     * before its key is set.
     */
    private boolean taken(CrmRecord record, String key, Long except) {
        return em.createQuery("SELECT i.id FROM Insight i WHERE i.record = :record AND i.naturalKey = :key",
                Long.class).setParameter("record", record).setParameter("key", key).setFlushMode(FlushModeType.COMMIT)
                .getResultStream().anyMatch(id -> !id.equals(except));
    }

    /** What the read caches must drop when an insight of the record changes: every answer about the record. */
    private static Change changeOf(CrmRecord record) {
        return Change.record(record.getOrganization().getCrmType().name(), record.getRecordType(),
                record.getRecordId());
    }
}
