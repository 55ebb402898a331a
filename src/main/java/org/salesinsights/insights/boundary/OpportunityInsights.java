package org.salesinsights.insights.boundary;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.salesinsights.insights.control.CrmRecordKey;
import org.salesinsights.insights.control.EmailInsightsQuery;
import org.salesinsights.insights.control.InsightsQuery;
import org.salesinsights.insights.control.LanguagePicker;
import org.salesinsights.insights.control.PageRequest;
import org.salesinsights.insights.control.RecordPageQuery;
import org.salesinsights.insights.control.RelatedRecordsQuery;
import org.salesinsights.insights.control.TimeWindow;
import org.salesinsights.insights.entity.InsightProperty;
import org.salesinsights.platform.errors.ApiException;
import org.salesinsights.platform.errors.ErrorCode;

/**
 * Reads a page of a CRM record's curated insights and shapes it for the Sales app: one statement, one round trip
 * ({@link RecordPageQuery}), outside any transaction (a single read needs none). Every read is bound to the caller's
 * tenant: only the organizations it owns are searched, and naming any other organization is refused as the
 * contract's {@code INVALID_CRM_CONNECTION} (the same answer whether another customer owns it or nobody does, so the
 * refusal reveals nothing).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OpportunityInsights {

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource database;

    /**
     * A page, the languages its insights are in (for Content-Language) in order of first use, and the next moment
     * an insight of the record enters or leaves its validity window (until then the page holds, if nothing changes).
     */
    public record LocalizedPage(OpportunityInsightsPage page, List<String> languages,
            Optional<OffsetDateTime> nextChange) {

        /** 200 with the page, the languages it is in, and that it varies by the language asked for (uncached). */
        public Response response() {
            return localized(Response.ok(page), languages).build();
        }

        /** An answer that varies by the language asked for, with the languages it is in (Content-Language). */
        static Response.ResponseBuilder localized(Response.ResponseBuilder ok, List<String> languages) {
            ok.header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
            if (!languages.isEmpty()) {
                ok.header(HttpHeaders.CONTENT_LANGUAGE, String.join(", ", languages));
            }
            return ok;
        }
    }

    /**
     * An answer's body as the action sends it, the languages it is in (for Content-Language), and the next moment it
     * may change with no write (none: only a write changes it).
     */
    public record Shaped(Object body, List<String> languages, Optional<OffsetDateTime> nextChange) {

        /** 200 with the body, the languages it is in, and that it varies by the language asked for (uncached). */
        public Response response() {
            return LocalizedPage.localized(Response.ok(body), languages).build();
        }
    }

    /**
     * The record details' page: the records related to the CRM record, in priority order, then newest first, each in
     * the language it is written in. Related records have no validity window: only a write changes the answer.
     */
    public Shaped findRelated(String tenantId, InsightsQuery query) {
        RelatedRecordsQuery.Page rows;
        try (Connection connection = database.getConnection()) {
            rows = RelatedRecordsQuery.read(connection, tenantId, query);
        } catch (SQLException e) {
            throw new IllegalStateException("The related records of a record could not be read: " + e.getMessage(),
                    e);
        }
        requireOwned(rows.owned(), query.record());
        int top = query.page().top();
        List<RelatedRecordItem> page = rows.rows().stream().limit(top)
                .map(row -> RelatedRecordItem.of(row, rows.properties().getOrDefault(row.id(), List.of()))).toList();
        Set<String> used = new LinkedHashSet<>();
        rows.rows().stream().limit(top).map(RelatedRecordsQuery.Row::language).filter(java.util.Objects::nonNull)
                .forEach(used::add);
        return new Shaped(new RelatedRecordsPage(page, rows.rows().size() > top), List.copyOf(used),
                Optional.empty());
    }

    public LocalizedPage find(String tenantId, InsightsQuery query, LanguagePicker languages) {
        return find(tenantId, query, Optional.empty(), languages);
    }

    /** The record summary's page: only insights with a time, and that time within the window. */
    public LocalizedPage findDated(String tenantId, InsightsQuery query, TimeWindow window,
            LanguagePicker languages) {
        return find(tenantId, query, Optional.of(window), languages);
    }

    private LocalizedPage find(String tenantId, InsightsQuery query, Optional<TimeWindow> window,
            LanguagePicker languages) {
        RecordPageQuery.Page rows;
        try (Connection connection = database.getConnection()) {
            rows = RecordPageQuery.read(connection, tenantId, query, window.orElse(null), !languages.isEmpty(),
                    OffsetDateTime.now(ZoneOffset.UTC));
        } catch (SQLException e) {
            throw new IllegalStateException("The insights of a record could not be read: " + e.getMessage(), e);
        }
        requireOwned(rows, query.record());
        int top = query.page().top();
        List<Localized> page = localize(rows, top, languages);
        return new LocalizedPage(new OpportunityInsightsPage(page.stream().map(Localized::insight).toList(),
                rows.rows().size() > top), languagesOf(page), rows.nextChange());
    }

    /**
     * The email summary's page: the insights of the thread's records one record after the other, in the query's
     * order of records and each record's read order, paged as one list. One connection, one statement a record,
     * each reading no more rows than the page still needs.
     */
    public LocalizedPage findForEmail(String tenantId, EmailInsightsQuery query, LanguagePicker languages) {
        PageRequest page = query.page();
        int wanted = page.skip() + page.top() + 1; // one more than the page: whether another follows
        List<Localized> found = new ArrayList<>();
        OffsetDateTime nextChange = null;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection connection = database.getConnection()) {
            for (CrmRecordKey record : query.records()) {
                int need = wanted - found.size();
                if (need <= 0) {
                    break;
                }
                RecordPageQuery.Page rows = RecordPageQuery.read(connection, tenantId,
                        new InsightsQuery(record, new PageRequest(need, 0)), null, !languages.isEmpty(), now);
                requireOwned(rows, record);
                found.addAll(localize(rows, need, languages));
                OffsetDateTime next = rows.nextChange().orElse(null);
                if (next != null && (nextChange == null || next.isBefore(nextChange))) {
                    nextChange = next;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The insights of an email's records could not be read: "
                    + e.getMessage(), e);
        }
        List<Localized> shown = found.subList(Math.min(page.skip(), found.size()),
                Math.min(page.skip() + page.top(), found.size()));
        return new LocalizedPage(new OpportunityInsightsPage(shown.stream().map(Localized::insight).toList(),
                found.size() > page.skip() + page.top()), languagesOf(shown), Optional.ofNullable(nextChange));
    }

    /** An insight in the seller's words and the language those words are in (null: not known). */
    private record Localized(OpportunityInsight insight, String language) {
    }

    /** The caller named an organization its tenant does not own: the contract's refusal. */
    private static void requireOwned(RecordPageQuery.Page rows, CrmRecordKey record) {
        requireOwned(rows.owned(), record);
    }

    private static void requireOwned(boolean owned, CrmRecordKey record) {
        if (!owned) {
            String host = record.orgHost().orElseThrow();
            throw new ApiException(ErrorCode.INVALID_CRM_CONNECTION, "The " + record.crmType().label()
                    + " organization " + host + " is not one of your organization's CRM connections.");
        }
    }

    /** The first {@code limit} rows, each in the translation the seller's languages pick, or as written. */
    private static List<Localized> localize(RecordPageQuery.Page rows, int limit, LanguagePicker languages) {
        List<Localized> page = new ArrayList<>();
        for (RecordPageQuery.Row insight : rows.rows().stream().limit(limit).toList()) {
            List<RecordPageQuery.Words> candidates = rows.translations().getOrDefault(insight.id(), List.of());
            List<String> available = new ArrayList<>();
            available.add(insight.language());
            candidates.forEach(t -> available.add(t.language()));
            Optional<RecordPageQuery.Words> translation = languages.pick(available)
                    .filter(language -> !language.equals(insight.language()))
                    .flatMap(language -> candidates.stream().filter(t -> t.language().equals(language)).findFirst());
            OpportunityInsight shown = translation
                    .map(t -> OpportunityInsight.of(t.title(), t.description(), insight.url(), insight.occurredAt(),
                            properties(t.properties())))
                    .orElseGet(() -> OpportunityInsight.of(insight.title(), insight.description(), insight.url(),
                            insight.occurredAt(), properties(rows.properties().getOrDefault(insight.id(),
                                    List.of()))));
            page.add(new Localized(shown, translation.map(RecordPageQuery.Words::language)
                    .orElse(insight.language())));
        }
        return page;
    }

    /** The languages of a page, in order of first use (for Content-Language). */
    private static List<String> languagesOf(List<Localized> page) {
        Set<String> used = new LinkedHashSet<>();
        page.stream().map(Localized::language).filter(java.util.Objects::nonNull).forEach(used::add);
        return List.copyOf(used);
    }

    private static List<InsightProperty> properties(List<RecordPageQuery.Property> properties) {
        return properties.stream().map(p -> new InsightProperty(p.name(), p.value())).toList();
    }
}
