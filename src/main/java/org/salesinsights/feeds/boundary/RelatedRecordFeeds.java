package org.salesinsights.feeds.boundary;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;

import org.salesinsights.changes.boundary.ChangeLog;
import org.salesinsights.changes.control.Change;
import org.salesinsights.curation.boundary.RelatedRecordCuration;
import org.salesinsights.curation.control.RelatedRecordDocument;
import org.salesinsights.feeds.control.FedRelatedRecordName;
import org.salesinsights.feeds.control.FedRelatedRecords;
import org.salesinsights.feeds.control.FeedCaller;
import org.salesinsights.feeds.control.FeedName;
import org.salesinsights.insights.control.CrmRecordKey;
import org.salesinsights.insights.entity.CrmRecord;
import org.salesinsights.insights.entity.InsightProperty;
import org.salesinsights.insights.entity.RelatedRecord;
import org.salesinsights.platform.errors.ApiException;
import org.salesinsights.platform.errors.ErrorCode;

/**
 * What applications feed of the records related to CRM records (the record details card), one transaction per call:
 * one related record created or replaced, or deleted, or all of a source's for one CRM record made so by a snapshot.
 * The permissions are the insight feeds' ({@link FeedWork#permit}): the organization's tenant lists the application
 * among its feeders. The feed owns a related record's content; its priority stays the curators'. A related record is
 * named by its recordId within its CRM record, so a feed never takes over a curator's nor another source's: that is a
 * 409. Every change tells the read caches (the change log); a feed that changes nothing writes nothing.
 */
@Stateless
public class RelatedRecordFeeds {

    @PersistenceContext
    EntityManager em;

    @EJB
    ChangeLog changeLog;

    /** What a feed did with one related record. */
    public enum Outcome {
        CREATED, REPLACED, UNCHANGED
    }

    /** One related record as the feed left it. */
    public record Fed(Outcome outcome, FedRelatedRecordView relatedRecord) {
    }

    /** Creates the related record (and its CRM record, when that is new) or replaces what the feed owns of it. */
    public Fed put(FeedCaller caller, FedRelatedRecords one) {
        Applied applied = feed(caller, one, false);
        return new Fed(applied.outcomes().get(0), applied.view().relatedRecords().get(0));
    }

    /** What a feed did: each related record's outcome, in the order sent, and the answer. */
    private record Applied(List<Outcome> outcomes, FedRelatedRecordsView view) {
    }

    /** Deletes it; one already gone (or never fed) is no failure, so a retried deletion succeeds too. */
    public void delete(FeedCaller caller, FedRelatedRecordName name) {
        Optional<CrmRecord> record = find(permitted(caller, name.source(), name.crmRecord()), name.crmRecord());
        if (record.isEmpty()) {
            return;
        }
        Optional<RelatedRecord> found = em.createNamedQuery(RelatedRecord.BY_PARTNER_ID, RelatedRecord.class)
                .setParameter("record", record.get()).setParameter("partnerRecordId", name.recordId())
                .getResultStream().findFirst();
        if (found.isEmpty()) {
            return;
        }
        RelatedRecord related = found.get();
        requireFedBy(name.source(), related);
        em.remove(related);
        changeLog.record(changeOf(record.get()));
    }

    /**
     * Makes the source's related records of the CRM record these, in one transaction: each is created or replaced,
     * and every other the source feeds there is deleted.
     */
    public FedRelatedRecordsView sync(FeedCaller caller, FedRelatedRecords snapshot) {
        return feed(caller, snapshot, true).view();
    }

    private Applied feed(FeedCaller caller, FedRelatedRecords fed, boolean snapshot) {
        FeedWork.Permit permit = permitted(caller, fed.source(), fed.crmRecord());
        CrmRecord record = find(permit, fed.crmRecord()).orElse(null);
        Map<String, RelatedRecord> existing = record == null ? Map.of() : relatedRecords(record);
        if (record == null) {
            if (fed.relatedRecords().isEmpty()) {
                return new Applied(List.of(), new FedRelatedRecordsView(0, 0, 0, 0, List.of()));
            }
            record = new CrmRecord(permit.organization(), fed.crmRecord().recordType(), fed.crmRecord().recordId(),
                    null);
            em.persist(record);
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        List<RelatedRecord> results = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>();
        Set<String> kept = new HashSet<>();
        boolean changed = false;
        for (RelatedRecordDocument document : fed.relatedRecords()) {
            kept.add(document.recordId());
            RelatedRecord related = existing.get(document.recordId());
            Outcome outcome;
            if (related == null) {
                related = new RelatedRecord(record);
                apply(related, document, 0, permit.by(), now);
                related.setFeedSource(fed.source());
                em.persist(related);
                outcome = Outcome.CREATED;
            } else {
                requireFedBy(fed.source(), related);
                if (isAsFed(related, document)) {
                    outcome = Outcome.UNCHANGED;
                } else {
                    apply(related, document, related.getPriority(), permit.by(), now);
                    outcome = Outcome.REPLACED;
                }
            }
            changed |= outcome != Outcome.UNCHANGED;
            counts.merge(outcome, 1, Integer::sum);
            results.add(related);
            outcomes.add(outcome);
        }
        int deleted = 0;
        if (snapshot) {
            for (RelatedRecord related : existing.values()) {
                if (fed.source().equals(related.getFeedSource()) && !kept.contains(related.getPartnerRecordId())) {
                    em.remove(related);
                    deleted++;
                }
            }
        }
        if (changed || deleted > 0) {
            em.flush(); // the versions the answer tells
            changeLog.record(changeOf(record));
        }
        return new Applied(outcomes, new FedRelatedRecordsView(counts.getOrDefault(Outcome.CREATED, 0),
                counts.getOrDefault(Outcome.REPLACED, 0), counts.getOrDefault(Outcome.UNCHANGED, 0), deleted,
                results.stream().map(FedRelatedRecordView::of).toList()));
    }

    /** The organization, if the application may feed it, locked as insight feeds lock it (one feed at a time). */
    private FeedWork.Permit permitted(FeedCaller caller, String source, CrmRecordKey crmRecord) {
        FeedWork work = new FeedWork(em, caller);
        FeedWork.Permit permit = work.permit(new FeedName(source, crmRecord.recordId(), crmRecord.crmType(),
                crmRecord.orgHost().orElseThrow()));
        work.lock(permit);
        return permit;
    }

    private Optional<CrmRecord> find(FeedWork.Permit permit, CrmRecordKey crmRecord) {
        return em.createNamedQuery(CrmRecord.FIND, CrmRecord.class)
                .setParameter("organization", permit.organization())
                .setParameter("recordType", crmRecord.recordType()).setParameter("recordId", crmRecord.recordId())
                .getResultStream().findFirst();
    }

    private Map<String, RelatedRecord> relatedRecords(CrmRecord record) {
        Map<String, RelatedRecord> byId = new HashMap<>();
        em.createNamedQuery(RelatedRecord.OF_RECORD, RelatedRecord.class).setParameter("record", record)
                .setFlushMode(FlushModeType.COMMIT).getResultList()
                .forEach(related -> byId.put(related.getPartnerRecordId(), related));
        return byId;
    }

    /** A feed changes only what its own source feeds: a curator's related record, or another source's, is a 409. */
    private static void requireFedBy(String source, RelatedRecord related) {
        if (!source.equals(related.getFeedSource())) {
            throw new ApiException(ErrorCode.CONFLICT, "The CRM record has a related record " + related
                    .getPartnerRecordId() + (related.getFeedSource() == null ? " of the curators'"
                            : " fed by another source") + ": a feed changes only the related records its source"
                    + " feeds. A curator may delete that one, then the feed makes its own.",
                    Map.of("recordId", related.getFeedSource() == null ? "is a curator's related record's."
                            : "is the related record of the source " + related.getFeedSource() + "."));
        }
    }

    /** Whether it already holds what the feed sends (its priority being the curators', not the feed's). */
    private static boolean isAsFed(RelatedRecord related, RelatedRecordDocument document) {
        RelatedRecordDocument now = RelatedRecordCuration.document(related);
        return now.equals(new RelatedRecordDocument(document.recordId(), document.recordType(),
                document.recordTypeDisplayName(), document.recordTypePluralDisplayName(), document.recordTitle(),
                document.url(), document.language(), related.getPriority(), document.additionalProperties()));
    }

    private static void apply(RelatedRecord related, RelatedRecordDocument document, int priority, String by,
            OffsetDateTime at) {
        related.change(document.recordId(), document.recordType(), document.recordTypeDisplayName(),
                document.recordTypePluralDisplayName(), document.recordTitle(), document.url(), document.language(),
                priority, document.additionalProperties().stream().map(p -> new InsightProperty(p.name(), p.value()))
                        .toList(), by, at);
    }

    /** Every answer about the CRM record must go: its related records are part of them. */
    private static Change changeOf(CrmRecord record) {
        return Change.record(record.getOrganization().getCrmType().name(), record.getRecordType(),
                record.getRecordId());
    }
}
