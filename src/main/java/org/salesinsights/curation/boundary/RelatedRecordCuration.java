package org.salesinsights.curation.boundary;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;

import org.salesinsights.changes.boundary.ChangeLog;
import org.salesinsights.changes.control.Change;
import org.salesinsights.curation.control.RelatedRecordDocument;
import org.salesinsights.insights.entity.CrmRecord;
import org.salesinsights.insights.entity.InsightProperty;
import org.salesinsights.insights.entity.RelatedRecord;
import org.salesinsights.platform.ApiException;
import org.salesinsights.platform.IfMatch;

/**
 * The curators' work on the records related to a CRM record, one transaction per call: every change checks the
 * version the curator last read (a stale one changes nothing) and tells the read caches, through the change log, that
 * the CRM record's answers are out of date (on this node at commit, on the others at their next poll).
 */
@Stateless
public class RelatedRecordCuration {

    @PersistenceContext
    EntityManager em;

    @EJB
    ChangeLog changeLog;

    public List<RelatedRecordView> relatedRecords(long crmRecordId) {
        return em.createNamedQuery(RelatedRecord.OF_RECORD, RelatedRecord.class)
                .setParameter("record", crmRecord(crmRecordId)).getResultList().stream()
                .map(RelatedRecordView::of).toList();
    }

    public RelatedRecordView relatedRecord(long id) {
        return RelatedRecordView.of(find(id));
    }

    /**
     * Saves a related record of the CRM record: a new one, or the one with the same {@code recordId} when
     * {@code replace} is true (a seed or an import: running it twice changes nothing twice). 409 when the CRM record
     * already has one with that id and {@code replace} is false.
     *
     * @return the record and whether it was made
     */
    public Map.Entry<RelatedRecordView, Boolean> save(long crmRecordId, RelatedRecordDocument document, String by,
            boolean replace) {
        CrmRecord record = crmRecord(crmRecordId);
        List<RelatedRecord> existing = em.createNamedQuery(RelatedRecord.BY_PARTNER_ID, RelatedRecord.class)
                .setParameter("record", record).setParameter("partnerRecordId", document.recordId())
                .setFlushMode(FlushModeType.COMMIT).getResultList();
        if (!existing.isEmpty() && !replace) {
            throw taken(document.recordId());
        }
        RelatedRecord related = existing.isEmpty() ? new RelatedRecord(record) : existing.get(0);
        apply(related, document, by);
        if (existing.isEmpty()) {
            em.persist(related);
        }
        em.flush();
        changeLog.record(changeOf(record));
        return Map.entry(RelatedRecordView.of(related), existing.isEmpty());
    }

    public RelatedRecordView update(long id, long expectedVersion, RelatedRecordDocument document, String by) {
        RelatedRecord related = current(id, expectedVersion);
        if (!document.recordId().equals(related.getPartnerRecordId()) && !em.createNamedQuery(
                RelatedRecord.BY_PARTNER_ID, RelatedRecord.class).setParameter("record", related.getRecord())
                .setParameter("partnerRecordId", document.recordId()).setFlushMode(FlushModeType.COMMIT)
                .getResultList().isEmpty()) {
            throw taken(document.recordId());
        }
        apply(related, document, by);
        em.flush();
        changeLog.record(changeOf(related.getRecord()));
        return RelatedRecordView.of(related);
    }

    public void delete(long id, long expectedVersion) {
        RelatedRecord related = current(id, expectedVersion);
        changeLog.record(changeOf(related.getRecord()));
        em.remove(related);
    }

    private static void apply(RelatedRecord related, RelatedRecordDocument document, String by) {
        related.change(document.recordId(), document.recordType(), document.recordTypeDisplayName(),
                document.recordTypePluralDisplayName(), document.recordTitle(), document.url(), document.language(),
                document.priority(), document.additionalProperties().stream()
                        .map(p -> new InsightProperty(p.name(), p.value())).toList(),
                by, OffsetDateTime.now(ZoneOffset.UTC));
    }

    private RelatedRecord current(long id, long expectedVersion) {
        RelatedRecord related = find(id);
        if (related.getVersion() != expectedVersion) {
            throw IfMatch.stale(related.getVersion());
        }
        return related;
    }

    private RelatedRecord find(long id) {
        RelatedRecord related = em.find(RelatedRecord.class, id);
        if (related == null) {
            throw new ApiException(404, "NOT_FOUND", "No related record " + id + ".");
        }
        return related;
    }

    private CrmRecord crmRecord(long id) {
        CrmRecord record = em.find(CrmRecord.class, id);
        if (record == null) {
            throw new ApiException(404, "NOT_FOUND", "No record " + id + ".");
        }
        return record;
    }

    private static ApiException taken(String recordId) {
        return new ApiException(409, "CONFLICT", "The CRM record has another related record with the recordId "
                + recordId + ".", Map.of("recordId", "is another related record's of the same CRM record."));
    }

    /** Every answer about the CRM record must go: its related records are part of them. */
    private static Change changeOf(CrmRecord record) {
        return Change.record(record.getOrganization().getCrmType().name(), record.getRecordType(),
                record.getRecordId());
    }
}
