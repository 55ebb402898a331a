package org.salesinsights.curation.boundary;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import org.salesinsights.curation.boundary.CurationViews.ImportReport;
import org.salesinsights.curation.control.CurationReads;
import org.salesinsights.curation.control.CurationRequests;
import org.salesinsights.curation.control.InsightDocument;
import org.salesinsights.curation.control.InsightFileWriter;
import org.salesinsights.curation.control.InsightFiles;
import org.salesinsights.curation.control.InsightRow;
import org.salesinsights.curation.control.RelatedRecordFiles;
import org.salesinsights.curation.entity.InsightChange;
import org.salesinsights.insights.control.CrmRecordKey;
import org.salesinsights.insights.entity.CrmOrganization;
import org.salesinsights.insights.entity.CrmRecord;
import org.salesinsights.insights.entity.CrmType;
import org.salesinsights.insights.entity.Insight;
import org.salesinsights.insights.entity.InsightTranslation;

/**
 * Insights in bulk, one transaction per call: a file imported (all or nothing), a seed's insights added, and every
 * insight of an organization exported as a file that imports back to the same insights.
 */
@Stateless
public class InsightTransfers {

    @PersistenceContext
    EntityManager em;

    @EJB
    InsightHistory history;

    @EJB
    RelatedRecordCuration relatedRecords;

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
                    row.crmType().name() + ' ' + row.orgHost(), k -> CurationReads.organization(em, row.crmType(), row.orgHost()));
            if (organization.isEmpty()) {
                problems.add(new InsightFiles.Problem(row.line(), row.index(), Map.of("orgUrl", "names no registered "
                        + row.crmType().label() + " organization; register it with a tenant first.")));
            }
        }
        for (RelatedRecordFiles.Row row : file.relatedRecords()) {
            CrmRecordKey key = row.crmRecord();
            String host = key.orgHost().orElseThrow();
            if (organizations.computeIfAbsent(key.crmType().name() + ' ' + host,
                    k -> CurationReads.organization(em, key.crmType(), host)).isEmpty()) {
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
                record = CurationReads.record(em, organization, row.recordType(), row.recordId()).orElse(null);
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
                InsightMapping.apply(insight, row.insight(), by);
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
                        : CurationReads.translations(em, insight);
                if (InsightMapping.unchanged(insight, translations, row)) {
                    continue;
                }
                InsightMapping.apply(insight, row.insight(), by);
                retranslate(insight, translations, row.translations());
                if (row.hidden() != null) {
                    insight.hide(row.hidden(), by, now);
                }
                insight.touch(by, now);
                updated.add(insight);
            }
        }
        em.flush();
        history.curated(created, InsightChange.Action.CREATED, by);
        history.curated(updated, InsightChange.Action.UPDATED, by);
        if (file.relatedRecords().isEmpty()) {
            return new ImportReport(rows.size(), created.size(), updated.size(),
                    rows.size() - created.size() - updated.size(), recordsAdded);
        }
        Map<RelatedRecordCuration.Outcome, Integer> outcomes = new EnumMap<>(
                RelatedRecordCuration.Outcome.class);
        for (RelatedRecordFiles.Row row : file.relatedRecords()) {
            CrmRecordKey key = row.crmRecord();
            String recordKey = key.crmType().name() + ' ' + key.orgHost().orElseThrow() + ' ' + key.recordType() + ' '
                    + key.recordId();
            CrmRecord record = records.get(recordKey);
            if (record == null) {
                CrmOrganization organization = organizations.get(key.crmType().name() + ' '
                        + key.orgHost().orElseThrow()).orElseThrow();
                record = CurationReads.record(em, organization, key.recordType(), key.recordId()).orElse(null);
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
            em.createNamedQuery(Insight.FED_BY_EXTERNAL_IDS, Insight.class)
                    .setParameter("organizationId", organizationId)
                    .setParameter("externalIds", externalIds.subList(from, Math.min(externalIds.size(), from + 1000)))
                    .getResultList().forEach(insight -> fed.put(new InsightRow.Fed(insight.getFeedSource(),
                            insight.getFeedExternalId()), insight));
        }
        return fed;
    }

    private static InsightFiles.Problem problem(InsightRow row, String field, String problem) {
        return new InsightFiles.Problem(row.line(), row.index(), Map.of(field, problem));
    }

    /** The JSON file of the organization's insights and related records (every organization's: null). */
    public String exportJson(CurationRequests.Organization organization) {
        List<RelatedRecordFiles.Row> related = organization == null ? relatedRecords.export(null, null)
                : relatedRecords.export(organization.crmType(), organization.host());
        return InsightFileWriter.json(export(organization), related);
    }

    /** The CSV file of the organization's insights (every organization's: null); CSV holds no related records. */
    public String exportCsv(CurationRequests.Organization organization) {
        return InsightFileWriter.csv(export(organization));
    }

    private List<InsightRow> export(CurationRequests.Organization organization) {
        return organization == null ? export(null, null) : export(organization.crmType(), organization.host());
    }

    /**
     * Every insight of an organization (or of all organizations, when crmType is null), as rows of a file that
     * imports back to the same insights, hidden ones and the feed's names of fed ones included: in the order sellers
     * see them, record by record.
     */
    private List<InsightRow> export(CrmType crmType, String host) {
        if (crmType != null) {
            CurationReads.registered(em, crmType, host);
        }
        TypedQuery<Insight> query = em.createNamedQuery(crmType == null ? Insight.EXPORT_ALL
                : Insight.EXPORT_OF_ORGANIZATION, Insight.class)
                .setHint("eclipselink.batch.type", "IN").setHint("eclipselink.batch", "i.properties")
                .setHint("eclipselink.read-only", "true");
        if (crmType != null) {
            query.setParameter("crmType", crmType).setParameter("host", host);
        }
        List<Insight> insights = query.getResultList();
        Map<Long, List<InsightTranslation>> translations = CurationReads.translations(em, insights);
        return insights.stream().map(insight -> InsightMapping.row(insight,
                translations.getOrDefault(insight.getId(), List.of()))).toList();
    }

    private Map<String, Insight> keyedInsights(CrmRecord record, Map<Long, Map<String, Insight>> byRecord) {
        return byRecord.computeIfAbsent(record.getId(), id -> {
            Map<String, Insight> insights = new HashMap<>();
            em.createNamedQuery(Insight.OF_RECORD, Insight.class).setParameter("record", record).getResultList()
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
            translation.change(words.title(), words.description(), InsightMapping.entityProperties(words));
        });
    }

}
