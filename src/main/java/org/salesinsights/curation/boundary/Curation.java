package org.salesinsights.curation.boundary;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;

import org.salesinsights.changes.boundary.ChangeLog;
import org.salesinsights.changes.control.Change;
import org.salesinsights.curation.boundary.CurationViews.ChangeView;
import org.salesinsights.curation.boundary.CurationViews.ImportReport;
import org.salesinsights.curation.boundary.CurationViews.InsightView;
import org.salesinsights.curation.boundary.CurationViews.RecordView;
import org.salesinsights.curation.control.InsightDocument;
import org.salesinsights.curation.control.InsightFiles;
import org.salesinsights.curation.control.InsightRow;
import org.salesinsights.curation.control.RelatedRecordFiles;
import org.salesinsights.curation.entity.InsightChange;
import org.salesinsights.insights.control.CrmRecordKey;
import org.salesinsights.insights.entity.CrmOrganization;
import org.salesinsights.insights.entity.CrmRecord;
import org.salesinsights.insights.entity.CrmType;
import org.salesinsights.insights.entity.Insight;
import org.salesinsights.insights.entity.InsightProperty;
import org.salesinsights.insights.entity.InsightTranslation;
import org.salesinsights.platform.database.Databases;
import org.salesinsights.platform.database.SequenceIds;
import org.salesinsights.platform.errors.ApiException;
import org.salesinsights.platform.errors.ErrorCode;

/**
 * The curators' work on records and insights, one transaction per call. Every change checks the version the curator
 * last read (optimistic locking: a stale one changes nothing) and is written to the change history with who made it.
 */
@Stateless
public class Curation {

    /** The key of an insight made without one: unique, as ids are. */
    static final String GENERATED_KEY = "insight-";

    @PersistenceContext
    EntityManager em;

    @EJB
    ChangeLog changeLog;

    @EJB
    RelatedRecordCuration relatedRecords;

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
        Map<Long, List<InsightTranslation>> translations = translationsOf(insights);
        return insights.stream()
                .map(insight -> InsightView.of(insight, translations.getOrDefault(insight.getId(), List.of())))
                .toList();
    }

    public InsightView create(long recordId, InsightDocument document, String by) {
        CrmRecord record = record(recordId);
        Insight insight = new Insight(record);
        apply(insight, document, by);
        keyed(insight, document.key());
        em.persist(insight);
        if (insight.getKey() == null) {
            String key = GENERATED_KEY + insight.getId(); // the id is there once persisted (a sequence)
            // a curator may have chosen this very key for another insight of the record
            insight.rekey(taken(record, key) ? key + "-" + UUID.randomUUID().toString().substring(0, 8) : key);
        }
        em.flush();
        return audited(insight, InsightChange.Action.CREATED, by);
    }

    public InsightView insight(long id) {
        return view(find(id));
    }

    public InsightView update(long id, long expectedVersion, InsightDocument document, String by) {
        Insight insight = current(id, expectedVersion);
        apply(insight, document, by);
        keyed(insight, document.key());
        em.flush();
        return audited(insight, InsightChange.Action.UPDATED, by);
    }

    public void delete(long id, long expectedVersion, String by) {
        Insight insight = current(id, expectedVersion);
        audited(insight, InsightChange.Action.DELETED, by);
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
        return audited(insight, InsightChange.Action.UPDATED, by);
    }

    /**
     * Writes a change of the insight made elsewhere (a feed) to its history, as the curators' own changes are written,
     * in the caller's transaction; the caller records what the read caches must drop. The insight is flushed.
     */
    public InsightView recordHistory(Insight insight, InsightChange.Action action, String by) {
        return audited(insight, action, by, view(insight));
    }

    /**
     * The history of many insights' change by one author, their translations read together rather than one query per
     * insight: for feeds, which write up to a thousand insights at once.
     */
    public void recordHistory(List<Insight> insights, InsightChange.Action action, String by) {
        Map<Long, List<InsightTranslation>> translations = translationsOf(insights);
        insights.forEach(insight -> audited(insight, action, by,
                InsightView.of(insight, translations.getOrDefault(insight.getId(), List.of()))));
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

    /** Gives the record's insights the order listed (every one of them, once), by priority; pins stay first. */
    public List<InsightView> reorder(long recordId, List<Long> order, String by) {
        CrmRecord record = record(recordId);
        List<Insight> insights = em.createQuery("SELECT i FROM Insight i WHERE i.record = :record", Insight.class)
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
        audited(moved, InsightChange.Action.REORDERED, by);
        return insights(recordId);
    }

    /**
     * Imports the rows in this one transaction, all or nothing: each insight is found by its record and key and
     * changed, or made (with its record, when that is new); one that is already as the file has it is left alone,
     * so importing a file twice changes nothing the second time. Every organization must be registered. A row's
     * {@code hidden}, when it says, is the curators' choice as the file has it. A fed insight is made with the feed's
     * name the row gives it, so that its feed replaces it later; an insight that is there keeps the name it has.
     */
    public ImportReport importFile(InsightFiles.Read file, String by) {
        return write(file, by, false);
    }

    /**
     * Adds the seed file's insights that are absent, with their records, in the caller's transaction: an insight
     * already there (by record and key) is left as it is, whoever made it, so a seed never undoes a curator's work.
     * Every organization must be registered.
     */
    public ImportReport seed(InsightFiles.Read file, String by) {
        return write(file, by, true);
    }

    /** A row of a file with the record it belongs to and the insight it names, when that is there already. */
    private record Target(InsightRow row, CrmRecord record, Insight existing) {
    }

    private ImportReport write(InsightFiles.Read file, String by, boolean keepExisting) {
        List<InsightRow> rows = file.rows();
        Map<String, Optional<CrmOrganization>> organizations = new HashMap<>();
        List<InsightFiles.Problem> problems = new ArrayList<>(file.problems());
        for (InsightRow row : rows) {
            Optional<CrmOrganization> organization = organizations.computeIfAbsent(
                    row.crmType().name() + ' ' + row.orgHost(), k -> findOrganization(row.crmType(), row.orgHost()));
            if (organization.isEmpty()) {
                problems.add(new InsightFiles.Problem(row.line(), row.index(), Map.of("orgUrl", "names no registered "
                        + row.crmType().label() + " organization; register it with a tenant first.")));
            }
        }
        for (RelatedRecordFiles.Row row : file.relatedRecords()) {
            CrmRecordKey key = row.crmRecord();
            String host = key.orgHost().orElseThrow();
            if (organizations.computeIfAbsent(key.crmType().name() + ' ' + host,
                    k -> findOrganization(key.crmType(), host)).isEmpty()) {
                problems.add(new InsightFiles.Problem(row.line(), rows.size() + problems.size() + 1,
                        Map.of("crmRecord.orgUrl", "names no registered " + key.crmType().label()
                                + " organization; register it with a tenant first.")));
            }
        }
        if (!problems.isEmpty()) {
            throw InsightFiles.problems(problems);
        }
        Map<String, CrmRecord> records = new HashMap<>();
        Map<Long, Map<String, Insight>> insightsByRecord = new HashMap<>();
        List<Target> targets = new ArrayList<>(rows.size());
        int recordsAdded = 0;
        for (InsightRow row : rows) {
            String recordKey = row.crmType().name() + ' ' + row.orgHost() + ' ' + row.recordType() + ' '
                    + row.recordId();
            CrmRecord record = records.get(recordKey);
            if (record == null) {
                CrmOrganization organization = organizations.get(row.crmType().name() + ' ' + row.orgHost())
                        .orElseThrow();
                record = em.createNamedQuery(CrmRecord.FIND, CrmRecord.class)
                        .setParameter("organization", organization).setParameter("recordType", row.recordType())
                        .setParameter("recordId", row.recordId()).getResultStream().findFirst().orElse(null);
                if (record == null) {
                    record = new CrmRecord(organization, row.recordType(), row.recordId(), row.recordName());
                    em.persist(record); // undone with the rest if a problem is found below: an ApiException rolls back
                    recordsAdded++;
                }
                records.put(recordKey, record);
            }
            targets.add(new Target(row, record, keyedInsights(record, insightsByRecord).get(row.insight().key())));
        }
        problems.addAll(feedProblems(targets, keepExisting));
        if (!problems.isEmpty()) {
            throw InsightFiles.problems(problems);
        }
        List<Insight> created = new ArrayList<>();
        List<Insight> updated = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (Target target : targets) {
            InsightRow row = target.row();
            Insight insight = target.existing();
            if (insight == null) {
                insight = new Insight(target.record());
                apply(insight, row.insight(), by);
                insight.rekey(row.insight().key());
                if (row.fed() != null) {
                    insight.fedAs(target.record().getOrganization().getId(), row.fed().source(),
                            row.fed().externalId());
                }
                if (Boolean.TRUE.equals(row.hidden())) {
                    insight.hide(true, by, now);
                }
                em.persist(insight);
                retranslate(insight, List.of(), row.translations());
                created.add(insight);
            } else if (!keepExisting) {
                List<InsightTranslation> translations = row.translations() == null ? List.of()
                        : translations(insight);
                if (document(insight).equals(row.insight())
                        && (row.hidden() == null || row.hidden() == insight.isHidden())
                        && (row.translations() == null || words(translations).equals(row.translations()))) {
                    continue;
                }
                apply(insight, row.insight(), by);
                retranslate(insight, translations, row.translations());
                if (row.hidden() != null) {
                    insight.hide(row.hidden(), by, now);
                }
                insight.touch(by, now);
                updated.add(insight);
            }
        }
        em.flush();
        audited(created, InsightChange.Action.CREATED, by);
        audited(updated, InsightChange.Action.UPDATED, by);
        if (file.relatedRecords().isEmpty()) {
            return new ImportReport(rows.size(), created.size(), updated.size(),
                    rows.size() - created.size() - updated.size(), recordsAdded);
        }
        Map<RelatedRecordCuration.Outcome, Integer> outcomes = new java.util.EnumMap<>(
                RelatedRecordCuration.Outcome.class);
        for (RelatedRecordFiles.Row row : file.relatedRecords()) {
            CrmRecordKey key = row.crmRecord();
            String recordKey = key.crmType().name() + ' ' + key.orgHost().orElseThrow() + ' ' + key.recordType() + ' '
                    + key.recordId();
            CrmRecord record = records.get(recordKey);
            if (record == null) {
                CrmOrganization organization = organizations.get(key.crmType().name() + ' '
                        + key.orgHost().orElseThrow()).orElseThrow();
                record = em.createNamedQuery(CrmRecord.FIND, CrmRecord.class)
                        .setParameter("organization", organization).setParameter("recordType", key.recordType())
                        .setParameter("recordId", key.recordId()).getResultStream().findFirst().orElse(null);
                if (record == null) {
                    record = new CrmRecord(organization, key.recordType(), key.recordId(), null);
                    em.persist(record);
                    em.flush();
                    recordsAdded++;
                }
                records.put(recordKey, record);
            }
            outcomes.merge(relatedRecords.save(record.getId(), row.document(), row.source(), by, keepExisting
                    ? RelatedRecordCuration.Mode.KEEP : RelatedRecordCuration.Mode.REPLACE).outcome(), 1, Integer::sum);
        }
        return new ImportReport(rows.size(), created.size(), updated.size(),
                rows.size() - created.size() - updated.size(), recordsAdded, new CurationViews.RelatedRecordsReport(
                        file.relatedRecords().size(), outcomes.getOrDefault(RelatedRecordCuration.Outcome.CREATED, 0),
                        outcomes.getOrDefault(RelatedRecordCuration.Outcome.UPDATED, 0),
                        outcomes.getOrDefault(RelatedRecordCuration.Outcome.UNCHANGED, 0)));
    }

    /**
     * The problems of the feed names the rows give, before anything is written. An insight that is there keeps the
     * name it has: an import neither renames a fed insight nor makes a curated one fed, since the feed would then
     * make a second insight for the old name, or replace one a curator wrote. A new insight may not take a name
     * another insight of the organization has (V5's uq_insight_feed): the feed would find that one, not this.
     * Names given twice in the file were found when it was read.
     */
    private List<InsightFiles.Problem> feedProblems(List<Target> targets, boolean keepExisting) {
        List<InsightFiles.Problem> problems = new ArrayList<>();
        Map<Long, List<Target>> madeByOrganization = new HashMap<>();
        for (Target target : targets) {
            InsightRow.Fed fed = target.row().fed();
            Insight existing = target.existing();
            if (fed == null || existing != null && keepExisting) {
                continue; // a row without a name keeps the insight's; a seed leaves an existing insight alone
            }
            if (existing == null) {
                madeByOrganization.computeIfAbsent(target.record().getOrganization().getId(),
                        id -> new ArrayList<>()).add(target);
            } else if (existing.getFeedSource() == null) {
                problems.add(problem(target.row(), "source", "must be left out for this insight: it is a curator's,"
                        + " not fed, and an import never makes an existing insight fed."));
            } else if (!fed.source().equals(existing.getFeedSource())
                    || !fed.externalId().equals(existing.getFeedExternalId())) {
                problems.add(problem(target.row(), fed.source().equals(existing.getFeedSource()) ? "externalId"
                        : "source", "must be the insight's own: it is fed as " + existing.getFeedSource() + '/'
                        + existing.getFeedExternalId() + ", and an import never changes the feed of an insight."));
            }
        }
        madeByOrganization.forEach((organizationId, made) -> {
            Map<InsightRow.Fed, Insight> taken = fedInsights(organizationId, made.stream()
                    .map(target -> target.row().fed().externalId()).distinct().toList());
            for (Target target : made) {
                Insight holder = taken.get(target.row().fed());
                if (holder != null) {
                    problems.add(problem(target.row(), "externalId", "names an insight the organization has"
                            + " already (source " + target.row().fed().source() + "): key " + holder.getKey()
                            + " of " + holder.getRecord().getRecordType() + ' ' + holder.getRecord().getRecordId()
                            + ". Give the row that record and key to change it."));
                }
            }
        });
        return problems;
    }

    /** The organization's fed insights with these external ids, by their feed's name; in bounded IN lists. */
    private Map<InsightRow.Fed, Insight> fedInsights(long organizationId, List<String> externalIds) {
        Map<InsightRow.Fed, Insight> fed = new HashMap<>();
        for (int from = 0; from < externalIds.size(); from += 1000) {
            em.createQuery("SELECT i FROM Insight i JOIN FETCH i.record WHERE i.feedOrganizationId = :organization"
                    + " AND i.feedExternalId IN :externalIds", Insight.class)
                    .setParameter("organization", organizationId)
                    .setParameter("externalIds", externalIds.subList(from, Math.min(externalIds.size(), from + 1000)))
                    .getResultList().forEach(insight -> fed.put(new InsightRow.Fed(insight.getFeedSource(),
                            insight.getFeedExternalId()), insight));
        }
        return fed;
    }

    private static InsightFiles.Problem problem(InsightRow row, String field, String problem) {
        return new InsightFiles.Problem(row.line(), row.index(), Map.of(field, problem));
    }

    /**
     * Every insight of an organization (or of all organizations, when crmType is null), as rows of a file that
     * imports back to the same insights, hidden ones and the feed's names of fed ones included: in the order sellers
     * see them, record by record.
     */
    public List<InsightRow> export(CrmType crmType, String host) {
        if (crmType != null) {
            organization(crmType, host);
        }
        TypedQuery<Insight> query = em.createQuery("SELECT i FROM Insight i JOIN FETCH i.record r"
                + " JOIN FETCH r.organization o"
                + (crmType == null ? "" : " WHERE o.crmType = :crmType AND o.host = :host")
                + " ORDER BY o.crmType, o.host, r.recordType, r.recordId, i.pinned DESC, i.priority DESC,"
                + " i.occurredAt DESC NULLS LAST, i.id DESC", Insight.class)
                .setHint("eclipselink.batch.type", "IN").setHint("eclipselink.batch", "i.properties")
                .setHint("eclipselink.read-only", "true");
        if (crmType != null) {
            query.setParameter("crmType", crmType).setParameter("host", host);
        }
        List<Insight> insights = query.getResultList();
        Map<Long, List<InsightTranslation>> translations = translationsOf(insights);
        return insights.stream().map(insight -> {
            CrmRecord record = insight.getRecord();
            return new InsightRow(0, 0, record.getOrganization().getCrmType(), record.getOrganization().getHost(),
                    record.getRecordType(), record.getRecordId(), record.getDisplayName(), document(insight),
                    words(translations.getOrDefault(insight.getId(), List.of())), insight.getFeedSource() == null
                            ? null : new InsightRow.Fed(insight.getFeedSource(), insight.getFeedExternalId()),
                    insight.isHidden());
        }).toList();
    }

    private Map<String, Insight> keyedInsights(CrmRecord record, Map<Long, Map<String, Insight>> byRecord) {
        return byRecord.computeIfAbsent(record.getId(), id -> {
            Map<String, Insight> insights = new HashMap<>();
            em.createQuery("SELECT i FROM Insight i WHERE i.record = :record", Insight.class)
                    .setParameter("record", record).getResultList()
                    .forEach(insight -> insights.put(insight.getKey(), insight));
            return insights;
        });
    }

    /** Makes the insight's translations those given (null: leaves them), changing only what differs. */
    private void retranslate(Insight insight, List<InsightTranslation> current, Map<String, InsightDocument> wanted) {
        if (wanted == null) {
            return;
        }
        Map<String, InsightTranslation> existing = new HashMap<>();
        current.forEach(t -> existing.put(t.getLanguage(), t));
        existing.forEach((language, translation) -> {
            if (!wanted.containsKey(language)) {
                em.remove(translation);
            }
        });
        wanted.forEach((language, words) -> {
            InsightTranslation translation = existing.get(language);
            if (translation == null) {
                translation = new InsightTranslation(insight, language);
                em.persist(translation);
            }
            translation.change(words.title(), words.description(), properties(words));
        });
    }

    /** The insight as a curator's document, times in UTC: what an import compares its rows with. */
    private static InsightDocument document(Insight insight) {
        return new InsightDocument(insight.getKey(), insight.getTitle(), insight.getDescription(), insight.getUrl(),
                utc(insight.getOccurredAt()), insight.isPinned(), insight.getPriority(), insight.getLanguage(),
                utc(insight.getVisibleFrom()), utc(insight.getVisibleUntil()), insight.getProperties().stream()
                        .map(p -> new InsightDocument.Property(p.getName(), p.getValue())).toList());
    }

    private static Map<String, InsightDocument> words(List<InsightTranslation> translations) {
        Map<String, InsightDocument> words = new HashMap<>();
        translations.forEach(t -> words.put(t.getLanguage(), new InsightDocument(null, t.getTitle(),
                t.getDescription(), null, null, false, 0, null, null, null, t.getProperties().stream()
                        .map(p -> new InsightDocument.Property(p.getName(), p.getValue())).toList())));
        return words;
    }

    private static OffsetDateTime utc(OffsetDateTime time) {
        return time == null ? null : time.withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** Who reads the record's insights (its organization's tenant; empty: nobody) and the record as they name it. */
    public Map.Entry<Optional<String>, CrmRecordKey> readers(long recordId) {
        CrmRecord record = record(recordId);
        CrmOrganization organization = record.getOrganization();
        return Map.entry(Optional.ofNullable(organization.getTenantId()),
                new CrmRecordKey(organization.getCrmType(), Optional.of(organization.getHost()),
                        record.getRecordType(), record.getRecordId()));
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
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "The insight is written in " + language
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
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "The insight has no " + language
                        + " translation."));
        em.remove(translation);
        insight.touch(by, OffsetDateTime.now(ZoneOffset.UTC));
        em.flush();
        return audited(insight, InsightChange.Action.UPDATED, by);
    }

    /** The translations of these insights by insight id, in bounded IN lists, not one query per insight. */
    private Map<Long, List<InsightTranslation>> translationsOf(List<Insight> insights) {
        Map<Long, List<InsightTranslation>> translations = new HashMap<>();
        List<Long> ids = insights.stream().map(Insight::getId).toList();
        for (int from = 0; from < ids.size(); from += 1000) {
            em.createNamedQuery(InsightTranslation.OF_INSIGHTS, InsightTranslation.class)
                    .setParameter("insightIds", ids.subList(from, Math.min(ids.size(), from + 1000)))
                    .getResultList().forEach(t -> translations.computeIfAbsent(t.getInsightId(),
                            k -> new ArrayList<>()).add(t));
        }
        return translations;
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
        return !em.createQuery("SELECT i.id FROM Insight i WHERE i.record = :record AND i.naturalKey = :key",
                Long.class).setParameter("record", record).setParameter("key", key).setMaxResults(1)
                .setFlushMode(FlushModeType.COMMIT).getResultList().isEmpty();
    }

    private void apply(Insight insight, InsightDocument document, String by) {
        insight.change(document.title(), document.description(), document.url(), document.dateTime(),
                document.pinned(), document.priority(), document.language(), document.visibleFrom(),
                document.visibleUntil(), properties(document), by, OffsetDateTime.now(ZoneOffset.UTC));
    }

    private InsightView audited(Insight insight, InsightChange.Action action, String by) {
        changeLog.record(changeOf(insight.getRecord()));
        return audited(insight, action, by, view(insight));
    }

    /** The changes of many insights, their translations read together rather than one query per insight. */
    private void audited(List<Insight> insights, InsightChange.Action action, String by) {
        changeLog.record(insights.stream().map(insight -> changeOf(insight.getRecord())).toList());
        Map<Long, List<InsightTranslation>> translations = translationsOf(insights);
        insights.forEach(insight -> audited(insight, action, by,
                InsightView.of(insight, translations.getOrDefault(insight.getId(), List.of()))));
    }

    private InsightView audited(Insight insight, InsightChange.Action action, String by, InsightView view) {
        em.persist(new InsightChange(insight.getId(), insight.getRecord().getId(), action, insight.getVersion(), by,
                OffsetDateTime.now(ZoneOffset.UTC), view.json()));
        return view;
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

    private Optional<CrmOrganization> findOrganization(CrmType crmType, String host) {
        return em.createNamedQuery(CrmOrganization.FIND, CrmOrganization.class)
                .setParameter("crmType", crmType).setParameter("host", host).getResultStream().findFirst();
    }

    private CrmOrganization organization(CrmType crmType, String host) {
        return findOrganization(crmType, host).orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "No "
                + crmType.label() + " organization " + host + " is known; register it with a tenant first."));
    }

    /** What the read caches must drop when an insight of the record changes: every answer about the record. */
    private static Change changeOf(CrmRecord record) {
        return Change.record(record.getOrganization().getCrmType().name(), record.getRecordType(),
                record.getRecordId());
    }

    private static ApiException notFound(String what, long id) {
        return new ApiException(ErrorCode.NOT_FOUND, "No " + what + " " + id + ".");
    }
}
