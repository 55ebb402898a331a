package org.salesinsights.curation.boundary;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;

import org.salesinsights.curation.boundary.CurationViews.InsightView;
import org.salesinsights.curation.boundary.CurationViews.RecordView;
import org.salesinsights.curation.control.CountedRecord;
import org.salesinsights.curation.control.CurationReads;
import org.salesinsights.curation.control.InsightDocument;
import org.salesinsights.curation.entity.InsightChange;
import org.salesinsights.insights.control.CrmRecordKey;
import org.salesinsights.insights.entity.CrmOrganization;
import org.salesinsights.insights.entity.CrmRecord;
import org.salesinsights.insights.entity.CrmType;
import org.salesinsights.insights.entity.Insight;
import org.salesinsights.insights.entity.InsightTranslation;
import org.salesinsights.platform.errors.ApiException;
import org.salesinsights.platform.errors.ErrorCode;

/**
 * The curators' work on records and on one insight at a time (its content, key, place, hide and translations), one
 * transaction per call. Every change checks the version the curator last read (optimistic locking: a stale one
 * changes nothing) and is written to the change history ({@link InsightHistory}) with who made it. Files of many
 * insights are {@link InsightTransfers}'.
 */
@Stateless
public class Curation {

    /** The key of an insight made without one: unique, as ids are. */
    static final String GENERATED_KEY = "insight-";

    @PersistenceContext
    EntityManager em;

    @EJB
    InsightHistory history;

    public List<RecordView> records(CrmType crmType, String host) {
        CrmOrganization organization = CurationReads.registered(em, crmType, host);
        return em.createNamedQuery(CrmRecord.COUNTED_OF_ORGANIZATION, CountedRecord.class)
                .setParameter("organization", organization).getResultList().stream()
                .map(counted -> RecordView.of(counted.record(), counted.insights())).toList();
    }

    /** A record to curate, and whether it was made just now. */
    public record RecordFound(RecordView view, boolean made) {
    }

    /** The record, made if it is new. */
    public RecordFound record(CrmType crmType, String host, String recordType, String recordId,
            String displayName) {
        CrmOrganization organization = CurationReads.registered(em, crmType, host);
        Optional<CrmRecord> existing = CurationReads.record(em, organization, recordType, recordId);
        if (existing.isPresent()) {
            return new RecordFound(RecordView.of(existing.get(), count(existing.get())), false);
        }
        CrmRecord record = new CrmRecord(organization, recordType, recordId, displayName);
        em.persist(record);
        em.flush();
        return new RecordFound(RecordView.of(record, 0), true);
    }

    public List<InsightView> insights(long recordId) {
        List<Insight> insights = em.createNamedQuery(Insight.OF_RECORD, Insight.class)
                .setParameter("record", record(recordId)).getResultList();
        if (insights.isEmpty()) {
            return List.of();
        }
        Map<Long, List<InsightTranslation>> translations = CurationReads.translations(em, insights);
        return insights.stream()
                .map(insight -> InsightMapping.view(insight,
                        translations.getOrDefault(insight.getId(), List.of())))
                .toList();
    }

    public InsightView create(long recordId, InsightDocument document, String by) {
        CrmRecord record = record(recordId);
        Insight insight = new Insight(record);
        InsightMapping.apply(insight, document, by);
        keyed(insight, document.key());
        em.persist(insight);
        if (insight.getKey() == null) {
            String key = GENERATED_KEY + insight.getId(); // the id is there once persisted (a sequence)
            // a curator may have chosen this very key for another insight of the record
            insight.rekey(taken(record, key) ? key + "-" + UUID.randomUUID().toString().substring(0, 8) : key);
        }
        em.flush();
        return history.curated(insight, InsightChange.Action.CREATED, by);
    }

    public InsightView insight(long id) {
        return view(find(id));
    }

    public InsightView update(long id, long expectedVersion, InsightDocument document, String by) {
        Insight insight = current(id, expectedVersion);
        InsightMapping.apply(insight, document, by);
        keyed(insight, document.key());
        em.flush();
        return history.curated(insight, InsightChange.Action.UPDATED, by);
    }

    public void delete(long id, long expectedVersion, String by) {
        Insight insight = current(id, expectedVersion);
        history.curated(insight, InsightChange.Action.DELETED, by);
        em.remove(insight);
    }

    /**
     * Hides the insight from sellers, or shows it again, if the curator edits the version it has: the curators'
     * choice, which a feed never changes.
     */
    public InsightView hide(long id, long expectedVersion, boolean hidden, String by) {
        Insight insight = current(id, expectedVersion);
        if (insight.isHidden() == hidden) {
            return view(insight);
        }
        insight.hide(hidden, by, OffsetDateTime.now(ZoneOffset.UTC));
        em.flush();
        return history.curated(insight, InsightChange.Action.UPDATED, by);
    }

    /** Gives the record's insights the order listed (every one of them, once), by priority; pins stay first. */
    public List<InsightView> reorder(long recordId, List<Long> order, String by) {
        CrmRecord record = record(recordId);
        List<Insight> insights = em.createNamedQuery(Insight.OF_RECORD, Insight.class)
                .setParameter("record", record).getResultList();
        Map<Long, Insight> byId = new HashMap<>();
        insights.forEach(insight -> byId.put(insight.getId(), insight));
        if (order.size() != insights.size() || !byId.keySet().equals(new HashSet<>(order))) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "The order must list every insight of the record once.",
                    Map.of("insightIds", "expected " + byId.keySet().stream().sorted().toList()));
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<Insight> moved = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            Insight insight = byId.get(order.get(i));
            int priority = order.size() - i;
            if (insight.getPriority() != priority) {
                insight.reprioritize(priority, by, now);
                moved.add(insight);
            }
        }
        em.flush();
        history.curated(moved, InsightChange.Action.REORDERED, by);
        return insights(recordId);
    }

    /** Who reads a record's insights (its organization's tenant; empty: nobody) and the record as they name it. */
    public record Readers(Optional<String> tenantId, CrmRecordKey record) {
    }

    public Readers readers(long recordId) {
        CrmRecord record = record(recordId);
        CrmOrganization organization = record.getOrganization();
        return new Readers(Optional.ofNullable(organization.getTenantId()),
                new CrmRecordKey(organization.getCrmType(), Optional.of(organization.getHost()),
                        record.getRecordType(), record.getRecordId()));
    }

    /** Adds or replaces the insight's translation into a language (a change of the insight: its version moves). */
    public InsightView translate(long id, long expectedVersion, String language, InsightDocument words, String by) {
        Insight insight = current(id, expectedVersion);
        if (language.equalsIgnoreCase(insight.getLanguage())) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "The insight is written in " + language
                    + " itself; change the insight instead.");
        }
        InsightTranslation translation = CurationReads.translations(em, insight).stream()
                .filter(t -> t.getLanguage().equalsIgnoreCase(language)).findFirst().orElseGet(() -> {
                    InsightTranslation created = new InsightTranslation(insight, language);
                    em.persist(created);
                    return created;
                });
        translation.change(words.title(), words.description(), InsightMapping.entityProperties(words));
        insight.touch(by, OffsetDateTime.now(ZoneOffset.UTC));
        em.flush();
        return history.curated(insight, InsightChange.Action.UPDATED, by);
    }

    public InsightView untranslate(long id, long expectedVersion, String language, String by) {
        Insight insight = current(id, expectedVersion);
        InsightTranslation translation = CurationReads.translations(em, insight).stream()
                .filter(t -> t.getLanguage().equalsIgnoreCase(language)).findFirst()
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "The insight has no " + language
                        + " translation."));
        em.remove(translation);
        insight.touch(by, OffsetDateTime.now(ZoneOffset.UTC));
        em.flush();
        return history.curated(insight, InsightChange.Action.UPDATED, by);
    }

    /** Gives the insight the key, unless another insight of its record has it (409); none: it keeps its own. */
    private void keyed(Insight insight, String key) {
        if (key == null || key.equals(insight.getKey())) {
            return;
        }
        if (taken(insight.getRecord(), key)) {
            throw new ApiException(ErrorCode.CONFLICT, "Another insight of the record has the key " + key + ".",
                    Map.of("key", "is another insight's of the same record."));
        }
        insight.rekey(key);
    }

    /**
     * Whether another insight of the record has the key. No flush before the query: it would write a new insight
     * before its key is set and so count a second version.
     */
    private boolean taken(CrmRecord record, String key) {
        return !em.createNamedQuery(Insight.ID_BY_KEY, Long.class)
                .setParameter("record", record).setParameter("key", key).setMaxResults(1)
                .setFlushMode(FlushModeType.COMMIT).getResultList().isEmpty();
    }

    /** The insight, if the curator edits the version it has; 412 if someone changed it since. */
    private Insight current(long id, long expectedVersion) {
        Insight insight = find(id);
        if (insight.getVersion() != expectedVersion) {
            throw new ApiException(ErrorCode.PRECONDITION_FAILED, "The insight changed since you read it (now version "
                    + insight.getVersion() + "); read it again and reapply your change.");
        }
        return insight;
    }

    private Insight find(long id) {
        Insight insight = em.find(Insight.class, id);
        if (insight == null) {
            throw CurationReads.notFound("insight", id);
        }
        return insight;
    }

    private CrmRecord record(long id) {
        CrmRecord record = em.find(CrmRecord.class, id);
        if (record == null) {
            throw CurationReads.notFound("record", id);
        }
        return record;
    }

    private InsightView view(Insight insight) {
        return InsightMapping.view(insight, CurationReads.translations(em, insight));
    }

    private long count(CrmRecord record) {
        return em.createNamedQuery(Insight.COUNT_OF_RECORD, Long.class)
                .setParameter("record", record).getSingleResult();
    }
}
