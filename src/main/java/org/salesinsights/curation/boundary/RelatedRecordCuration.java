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
import org.salesinsights.curation.control.InsightDocument;
import org.salesinsights.curation.control.RelatedRecordDocument;
import org.salesinsights.curation.control.RelatedRecordFiles;
import org.salesinsights.insights.control.CrmRecordKey;
import org.salesinsights.insights.entity.CrmRecord;
import org.salesinsights.insights.entity.CrmType;
import org.salesinsights.insights.entity.InsightProperty;
import org.salesinsights.insights.entity.RelatedRecord;
import org.salesinsights.platform.errors.ApiException;
import org.salesinsights.platform.errors.ErrorCode;
import org.salesinsights.platform.requests.IfMatch;

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

    /** What a save does with a related record the CRM record has already (the same recordId). */
    public enum Mode {
        /** The curators' API: 409, one recordId is one related record. */
        REFUSE,
        /** An import: replaced by the file's, unless it is already so. */
        REPLACE,
        /** A seed: left as it is, so a seed never undoes a curator's work. */
        KEEP
    }

    public enum Outcome {
        CREATED, UPDATED, UNCHANGED
    }

    /** A related record as saved, and what the save did. */
    public record Saved(RelatedRecordView view, Outcome outcome) {
    }

    /**
     * Saves a related record of the CRM record, new or (by its recordId) there already as {@code mode} says. A new one
     * is fed by {@code source} (an exported fed one, imported again) when that is not null; one there already keeps
     * its own: a save never makes a curator's related record fed nor moves a fed one to another source.
     */
    public Saved save(long crmRecordId, RelatedRecordDocument document, String source, String by, Mode mode) {
        CrmRecord record = crmRecord(crmRecordId);
        List<RelatedRecord> existing = em.createNamedQuery(RelatedRecord.BY_PARTNER_ID, RelatedRecord.class)
                .setParameter("record", record).setParameter("partnerRecordId", document.recordId())
                .setFlushMode(FlushModeType.COMMIT).getResultList();
        if (!existing.isEmpty()) {
            RelatedRecord related = existing.get(0);
            if (mode == Mode.REFUSE) {
                throw taken(document.recordId());
            }
            if (mode == Mode.KEEP || document(related).equals(document)) {
                return new Saved(RelatedRecordView.of(related), Outcome.UNCHANGED);
            }
            apply(related, document, by);
            em.flush();
            changeLog.record(changeOf(record));
            return new Saved(RelatedRecordView.of(related), Outcome.UPDATED);
        }
        RelatedRecord related = new RelatedRecord(record);
        apply(related, document, by);
        related.setFeedSource(source);
        em.persist(related);
        em.flush();
        changeLog.record(changeOf(record));
        return new Saved(RelatedRecordView.of(related), Outcome.CREATED);
    }

    /** The related records of the organization's CRM records (all organizations: crmType null), as a file has them. */
    public List<RelatedRecordFiles.Row> export(CrmType crmType, String host) {
        jakarta.persistence.TypedQuery<RelatedRecord> query = crmType == null
                ? em.createNamedQuery(RelatedRecord.EXPORT_ALL, RelatedRecord.class)
                : em.createNamedQuery(RelatedRecord.EXPORT_OF_ORGANIZATION, RelatedRecord.class)
                        .setParameter("crmType", crmType).setParameter("host", host);
        return query.getResultList().stream().map(r -> new RelatedRecordFiles.Row(0, new CrmRecordKey(
                r.getRecord().getOrganization().getCrmType(), java.util.Optional.of(
                        r.getRecord().getOrganization().getHost()), r.getRecord().getRecordType(),
                r.getRecord().getRecordId()), document(r), r.getFeedSource())).toList();
    }

    /** The related record as a curator's document says it. */
    public static RelatedRecordDocument document(RelatedRecord related) {
        return new RelatedRecordDocument(related.getPartnerRecordId(), related.getRecordType(),
                related.getTypeDisplayName(), related.getTypePluralDisplayName(), related.getTitle(),
                related.getUrl(), related.getLanguage(), related.getPriority(), related.getProperties().stream()
                        .map(p -> new InsightDocument.Property(p.getName(), p.getValue())).toList());
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
            throw new ApiException(ErrorCode.NOT_FOUND, "No related record " + id + ".");
        }
        return related;
    }

    private CrmRecord crmRecord(long id) {
        CrmRecord record = em.find(CrmRecord.class, id);
        if (record == null) {
            throw new ApiException(ErrorCode.NOT_FOUND, "No record " + id + ".");
        }
        return record;
    }

    private static ApiException taken(String recordId) {
        return new ApiException(ErrorCode.CONFLICT, "The CRM record has another related record with the recordId "
                + recordId + ".", Map.of("recordId", "is another related record's of the same CRM record."));
    }

    /** Every answer about the CRM record must go: its related records are part of them. */
    private static Change changeOf(CrmRecord record) {
        return Change.record(record.getOrganization().getCrmType().name(), record.getRecordType(),
                record.getRecordId());
    }
}
