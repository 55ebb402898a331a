package org.salesinsights.curation.boundary;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.ejb.Stateless;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.salesinsights.curation.boundary.CurationViews.ChangeView;
import org.salesinsights.curation.boundary.CurationViews.InsightView;
import org.salesinsights.curation.boundary.CurationViews.RecordView;
import org.salesinsights.curation.control.InsightDocument;
import org.salesinsights.curation.entity.InsightChange;
import org.salesinsights.insights.entity.CrmOrganization;
import org.salesinsights.insights.entity.CrmRecord;
import org.salesinsights.insights.entity.CrmType;
import org.salesinsights.insights.entity.Insight;
import org.salesinsights.insights.entity.InsightProperty;
import org.salesinsights.insights.entity.InsightTranslation;
import org.salesinsights.platform.ApiException;

/**
 * The curators' work on records and insights, one transaction per call. Every change checks the version the curator
 * last read (optimistic locking: a stale one changes nothing) and is written to the change history with who made it.
 */
@Stateless
public class Curation {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @PersistenceContext
    EntityManager em;

    public List<RecordView> records(CrmType crmType, String host) {
        CrmOrganization organization = organization(crmType, host);
        List<Object[]> rows = em.createQuery("SELECT r, COUNT(i) FROM CrmRecord r LEFT JOIN Insight i ON i.record = r"
                + " WHERE r.organization = :organization GROUP BY r ORDER BY r.recordType, r.recordId", Object[].class)
                .setParameter("organization", organization).getResultList();
        return rows.stream().map(row -> RecordView.of((CrmRecord) row[0], (Long) row[1])).toList();
    }

    /** The record, made if it is new; true in the answer when it was made. */
    public Map.Entry<RecordView, Boolean> record(CrmType crmType, String host, String recordType, String recordId,
            String displayName) {
        CrmOrganization organization = organization(crmType, host);
        Optional<CrmRecord> existing = em.createNamedQuery(CrmRecord.FIND, CrmRecord.class)
                .setParameter("organization", organization).setParameter("recordType", recordType)
                .setParameter("recordId", recordId).getResultStream().findFirst();
        if (existing.isPresent()) {
            return Map.entry(RecordView.of(existing.get(), count(existing.get())), false);
        }
        CrmRecord record = new CrmRecord(organization, recordType, recordId, displayName);
        em.persist(record);
        em.flush();
        return Map.entry(RecordView.of(record, 0), true);
    }

    public List<InsightView> insights(long recordId) {
        List<Insight> insights = em.createQuery("SELECT i FROM Insight i WHERE i.record = :record"
                + " ORDER BY i.pinned DESC, i.priority DESC, i.occurredAt DESC NULLS LAST, i.id DESC", Insight.class)
                .setParameter("record", record(recordId)).getResultList();
        if (insights.isEmpty()) {
            return List.of();
        }
        // the translations of all of them in one query, not one per insight
        Map<Long, List<InsightTranslation>> translations = em.createNamedQuery(InsightTranslation.OF_INSIGHTS,
                InsightTranslation.class)
                .setParameter("insightIds", insights.stream().map(Insight::getId).toList())
                .getResultList().stream().collect(Collectors.groupingBy(InsightTranslation::getInsightId));
        return insights.stream()
                .map(insight -> InsightView.of(insight, translations.getOrDefault(insight.getId(), List.of())))
                .toList();
    }

    public InsightView create(long recordId, InsightDocument document, String by) {
        Insight insight = new Insight(record(recordId));
        apply(insight, document, by);
        em.persist(insight);
        em.flush();
        return audited(insight, InsightChange.Action.CREATED, by);
    }

    public InsightView insight(long id) {
        return view(find(id));
    }

    public InsightView update(long id, long expectedVersion, InsightDocument document, String by) {
        Insight insight = current(id, expectedVersion);
        apply(insight, document, by);
        em.flush();
        return audited(insight, InsightChange.Action.UPDATED, by);
    }

    public void delete(long id, long expectedVersion, String by) {
        Insight insight = current(id, expectedVersion);
        audited(insight, InsightChange.Action.DELETED, by);
        em.remove(insight);
    }

    /** Gives the record's insights the order listed (every one of them, once), by priority; pins stay first. */
    public List<InsightView> reorder(long recordId, List<Long> order, String by) {
        CrmRecord record = record(recordId);
        List<Insight> insights = em.createQuery("SELECT i FROM Insight i WHERE i.record = :record", Insight.class)
                .setParameter("record", record).getResultList();
        Map<Long, Insight> byId = new HashMap<>();
        insights.forEach(insight -> byId.put(insight.getId(), insight));
        if (order.size() != insights.size() || !byId.keySet().equals(new HashSet<>(order))) {
            throw new ApiException(400, "INVALID_PARAMETER", "The order must list every insight of the record once.",
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
        moved.forEach(insight -> audited(insight, InsightChange.Action.REORDERED, by));
        return insights(recordId);
    }

    public List<ChangeView> history(long id) {
        List<InsightChange> changes = em.createNamedQuery(InsightChange.OF_INSIGHT, InsightChange.class)
                .setParameter("insightId", id).getResultList();
        if (changes.isEmpty() && em.find(Insight.class, id) == null) {
            throw notFound("insight", id);
        }
        return changes.stream().map(c -> new ChangeView(c.getAction().name(), c.getInsightVersion(),
                c.getChangedBy(), c.getChangedAt(), c.getContent())).toList();
    }

    /** Adds or replaces the insight's translation into a language (a change of the insight: its version moves). */
    public InsightView translate(long id, long expectedVersion, String language, InsightDocument words, String by) {
        Insight insight = current(id, expectedVersion);
        if (language.equalsIgnoreCase(insight.getLanguage())) {
            throw new ApiException(400, "INVALID_PARAMETER", "The insight is written in " + language
                    + " itself; change the insight instead.");
        }
        InsightTranslation translation = translations(insight).stream()
                .filter(t -> t.getLanguage().equalsIgnoreCase(language)).findFirst().orElseGet(() -> {
                    InsightTranslation created = new InsightTranslation(insight, language);
                    em.persist(created);
                    return created;
                });
        translation.change(words.title(), words.description(), properties(words));
        insight.touch(by, OffsetDateTime.now(ZoneOffset.UTC));
        em.flush();
        return audited(insight, InsightChange.Action.UPDATED, by);
    }

    public InsightView untranslate(long id, long expectedVersion, String language, String by) {
        Insight insight = current(id, expectedVersion);
        InsightTranslation translation = translations(insight).stream()
                .filter(t -> t.getLanguage().equalsIgnoreCase(language)).findFirst()
                .orElseThrow(() -> new ApiException(404, "NOT_FOUND", "The insight has no " + language
                        + " translation."));
        em.remove(translation);
        insight.touch(by, OffsetDateTime.now(ZoneOffset.UTC));
        em.flush();
        return audited(insight, InsightChange.Action.UPDATED, by);
    }

    private List<InsightTranslation> translations(Insight insight) {
        return em.createNamedQuery(InsightTranslation.OF_INSIGHT, InsightTranslation.class)
                .setParameter("insight", insight).getResultList();
    }

    private InsightView view(Insight insight) {
        return InsightView.of(insight, insight.getId() == null ? List.of() : translations(insight));
    }

    private static List<InsightProperty> properties(InsightDocument document) {
        return document.additionalProperties().stream().map(p -> new InsightProperty(p.name(), p.value())).toList();
    }

    private void apply(Insight insight, InsightDocument document, String by) {
        insight.change(document.title(), document.description(), document.url(), document.dateTime(),
                document.pinned(), document.priority(), document.language(), document.visibleFrom(),
                document.visibleUntil(), document.additionalProperties().stream()
                        .map(p -> new InsightProperty(p.name(), p.value())).toList(),
                by, OffsetDateTime.now(ZoneOffset.UTC));
    }

    private InsightView audited(Insight insight, InsightChange.Action action, String by) {
        InsightView view = view(insight);
        em.persist(new InsightChange(insight.getId(), insight.getRecord().getId(), action, insight.getVersion(), by,
                OffsetDateTime.now(ZoneOffset.UTC), JSONB.toJson(view)));
        return view;
    }

    /** The insight, if the curator edits the version it has; 412 if someone changed it since. */
    private Insight current(long id, long expectedVersion) {
        Insight insight = find(id);
        if (insight.getVersion() != expectedVersion) {
            throw new ApiException(412, "PRECONDITION_FAILED", "The insight changed since you read it (now version "
                    + insight.getVersion() + "); read it again and reapply your change.");
        }
        return insight;
    }

    private Insight find(long id) {
        Insight insight = em.find(Insight.class, id);
        if (insight == null) {
            throw notFound("insight", id);
        }
        return insight;
    }

    private CrmRecord record(long id) {
        CrmRecord record = em.find(CrmRecord.class, id);
        if (record == null) {
            throw notFound("record", id);
        }
        return record;
    }

    private long count(CrmRecord record) {
        return em.createQuery("SELECT COUNT(i) FROM Insight i WHERE i.record = :record", Long.class)
                .setParameter("record", record).getSingleResult();
    }

    private CrmOrganization organization(CrmType crmType, String host) {
        return em.createNamedQuery(CrmOrganization.FIND, CrmOrganization.class)
                .setParameter("crmType", crmType).setParameter("host", host).getResultStream().findFirst()
                .orElseThrow(() -> new ApiException(404, "NOT_FOUND", "No " + crmType.label() + " organization "
                        + host + " is known; register it with a tenant first."));
    }

    private static ApiException notFound(String what, long id) {
        return new ApiException(404, "NOT_FOUND", "No " + what + " " + id + ".");
    }
}
