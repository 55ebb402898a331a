package org.salesinsights.curation.boundary;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import org.salesinsights.changes.boundary.ChangeLog;
import org.salesinsights.changes.control.Change;
import org.salesinsights.curation.boundary.CurationViews.ChangeView;
import org.salesinsights.curation.boundary.CurationViews.InsightView;
import org.salesinsights.curation.control.CurationReads;
import org.salesinsights.curation.entity.InsightChange;
import org.salesinsights.insights.entity.CrmRecord;
import org.salesinsights.insights.entity.Insight;
import org.salesinsights.insights.entity.InsightTranslation;
import org.salesinsights.platform.database.Databases;
import org.salesinsights.platform.database.SequenceIds;

/**
 * The history of insights' changes, in the caller's transaction: who changed which insight, when, and to what (the
 * insight's view after the change). Curators' changes also tell the read caches, through the change log, that the
 * record's answers are out of date; a feed's caller does that itself.
 */
@Stateless
public class InsightHistory {

    @PersistenceContext
    EntityManager em;

    @EJB
    ChangeLog changeLog;

    public List<ChangeView> of(long id) {
        List<InsightChange> changes = em.createNamedQuery(InsightChange.OF_INSIGHT, InsightChange.class)
                .setParameter("insightId", id).getResultList();
        if (changes.isEmpty() && em.find(Insight.class, id) == null) {
            throw CurationReads.notFound("insight", id);
        }
        return changes.stream().map(c -> new ChangeView(c.getAction().name(), c.getInsightVersion(),
                c.getChangedBy(), c.getChangedAt(), c.getContent())).toList();
    }

    /** A curator's change of the insight (flushed): written to the history, and the read caches told. */
    public InsightView curated(Insight insight, InsightChange.Action action, String by) {
        changeLog.record(changeOf(insight.getRecord()));
        return recordHistory(insight, action, by);
    }

    /** Curators' changes of many insights, their translations read together rather than one query per insight. */
    public void curated(List<Insight> insights, InsightChange.Action action, String by) {
        changeLog.record(insights.stream().map(insight -> changeOf(insight.getRecord())).toList());
        recordHistory(insights, action, by);
    }

    /**
     * Writes a change of the insight made elsewhere (a feed) to its history, as the curators' own changes are written,
     * in the caller's transaction; the caller records what the read caches must drop. The insight is flushed.
     */
    public InsightView recordHistory(Insight insight, InsightChange.Action action, String by) {
        return written(insight, action, by, InsightMapping.view(insight, insight.getId() == null ? List.of()
                : CurationReads.translations(em, insight)));
    }

    /**
     * The history of many insights' change by one author, their translations read together rather than one query per
     * insight: for feeds, which write up to a thousand insights at once.
     */
    public void recordHistory(List<Insight> insights, InsightChange.Action action, String by) {
        Map<Long, List<InsightTranslation>> translations = CurationReads.translations(em, insights);
        insights.forEach(insight -> written(insight, action, by,
                InsightMapping.view(insight, translations.getOrDefault(insight.getId(), List.of()))));
    }

    /**
     * The history of insights a feed made as rows rather than through the entity (see {@code FeedRows}): each view as
     * the entity would read it, written as FeedRows writes (arrays on PostgreSQL, JDBC batches elsewhere). A thousand
     * new history entities cost EclipseLink
     * more than their rows: their registration, and the comparison of every one at each flush of the transaction.
     */
    public void recordCreated(List<InsightView> views, String by, OffsetDateTime at) {
        try {
            Connection db = em.unwrap(Connection.class);
            SequenceIds ids = new SequenceIds(db, InsightChange.class);
            if (Databases.isPostgreSQL(db)) {
                createdAsArrays(db, ids, views, by, at);
            } else {
                createdInBatches(db, ids, views, by, at);
            }
        } catch (SQLException e) {
            throw new PersistenceException("Writing the history of " + views.size() + " fed insights failed", e);
        }
    }

    /** On PostgreSQL, as {@code FeedRows} writes the insights there: every column an array, one statement. */
    private static void createdAsArrays(Connection db, SequenceIds ids, List<InsightView> views, String by,
            OffsetDateTime at) throws SQLException {
        Long[][] numbers = new Long[4][views.size()]; // the change's id, the insight's, its record's, its version
        String[] contents = new String[views.size()];
        for (int i = 0; i < views.size(); i++) {
            InsightView view = views.get(i);
            numbers[0][i] = ids.next();
            numbers[1][i] = view.id();
            numbers[2][i] = view.recordId();
            numbers[3][i] = view.version();
            contents[i] = InsightChange.content(view.json());
        }
        try (PreparedStatement rows = db.prepareStatement("INSERT INTO insight_change (id, insight_id, crm_record_id,"
                + " action, insight_version, changed_by, changed_at, content)"
                + " SELECT r.id, r.insight, r.record, ?, r.version, ?, ?, r.content"
                + " FROM unnest(?::int8[], ?::int8[], ?::int8[], ?::int8[], ?::text[])"
                + " AS r (id, insight, record, version, content)")) {
            rows.setString(1, InsightChange.Action.CREATED.name());
            rows.setString(2, by);
            rows.setObject(3, at);
            for (int column = 0; column < numbers.length; column++) {
                rows.setArray(4 + column, db.createArrayOf("int8", numbers[column]));
            }
            rows.setArray(8, db.createArrayOf("text", contents));
            rows.executeUpdate();
        }
    }

    private static void createdInBatches(Connection db, SequenceIds ids, List<InsightView> views, String by,
            OffsetDateTime at) throws SQLException {
        try (PreparedStatement row = db.prepareStatement("INSERT INTO insight_change (id, insight_id, crm_record_id,"
                + " action, insight_version, changed_by, changed_at, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            int rows = 0;
            for (InsightView view : views) {
                row.setLong(1, ids.next());
                row.setLong(2, view.id());
                row.setLong(3, view.recordId());
                row.setString(4, InsightChange.Action.CREATED.name());
                row.setLong(5, view.version());
                row.setString(6, by);
                row.setObject(7, at);
                row.setString(8, InsightChange.content(view.json()));
                row.addBatch();
                if (++rows % 500 == 0) {
                    row.executeBatch();
                }
            }
            row.executeBatch();
        }
    }

    private InsightView written(Insight insight, InsightChange.Action action, String by, InsightView view) {
        em.persist(new InsightChange(insight.getId(), insight.getRecord().getId(), action, insight.getVersion(), by,
                OffsetDateTime.now(ZoneOffset.UTC), view.json()));
        return view;
    }

    /** What the read caches must drop when an insight of the record changes: every answer about the record. */
    private static Change changeOf(CrmRecord record) {
        return Change.record(record.getOrganization().getCrmType().name(), record.getRecordType(),
                record.getRecordId());
    }
}
