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
import org.salesinsights.insights.control.InsightsQuery;
import org.salesinsights.insights.control.LanguagePicker;
import org.salesinsights.insights.control.RecordPageQuery;
import org.salesinsights.insights.control.TimeWindow;
import org.salesinsights.insights.entity.InsightProperty;
import org.salesinsights.platform.ApiException;

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
        CrmRecordKey record = query.record();
        RecordPageQuery.Page rows;
        try (Connection connection = database.getConnection()) {
            rows = RecordPageQuery.read(connection, tenantId, query, window.orElse(null), !languages.isEmpty(),
                    OffsetDateTime.now(ZoneOffset.UTC));
        } catch (SQLException e) {
            throw new IllegalStateException("The insights of a record could not be read: " + e.getMessage(), e);
        }
        if (!rows.owned()) {
            String host = record.orgHost().orElseThrow();
            throw new ApiException(400, "INVALID_CRM_CONNECTION", "The " + record.crmType().label()
                    + " organization " + host + " is not one of your organization's CRM connections.");
        }
        int top = query.page().top();
        List<OpportunityInsight> page = new ArrayList<>();
        Set<String> used = new LinkedHashSet<>();
        for (RecordPageQuery.Row insight : rows.rows().stream().limit(top).toList()) {
            List<RecordPageQuery.Words> candidates = rows.translations().getOrDefault(insight.id(), List.of());
            List<String> available = new ArrayList<>();
            available.add(insight.language());
            candidates.forEach(t -> available.add(t.language()));
            Optional<RecordPageQuery.Words> translation = languages.pick(available)
                    .filter(language -> !language.equals(insight.language()))
                    .flatMap(language -> candidates.stream().filter(t -> t.language().equals(language)).findFirst());
            page.add(translation
                    .map(t -> OpportunityInsight.of(t.title(), t.description(), insight.url(), insight.occurredAt(),
                            properties(t.properties())))
                    .orElseGet(() -> OpportunityInsight.of(insight.title(), insight.description(), insight.url(),
                            insight.occurredAt(), properties(rows.properties().getOrDefault(insight.id(),
                                    List.of())))));
            translation.map(RecordPageQuery.Words::language).or(() -> Optional.ofNullable(insight.language()))
                    .ifPresent(used::add);
        }
        return new LocalizedPage(new OpportunityInsightsPage(page, rows.rows().size() > top), List.copyOf(used),
                rows.nextChange());
    }

    private static List<InsightProperty> properties(List<RecordPageQuery.Property> properties) {
        return properties.stream().map(p -> new InsightProperty(p.name(), p.value())).toList();
    }
}
