package org.salesinsights.insights.boundary;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.ejb.Stateless;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import org.salesinsights.insights.control.CrmRecordKey;
import org.salesinsights.insights.control.InsightsQuery;
import org.salesinsights.insights.control.LanguagePicker;
import org.salesinsights.insights.control.TimeWindow;
import org.salesinsights.insights.entity.CrmOrganization;
import org.salesinsights.insights.entity.CrmType;
import org.salesinsights.insights.entity.Insight;
import org.salesinsights.insights.entity.InsightTranslation;
import org.salesinsights.platform.ApiException;

/**
 * Reads a page of a CRM record's curated insights and shapes it for the Sales app, in one transaction. Every query
 * is bound to the caller's tenant: only the organizations it owns are searched, and naming any other organization
 * is refused as the contract's {@code INVALID_CRM_CONNECTION} (the same answer whether another customer owns it or
 * nobody does, so the refusal reveals nothing).
 */
@Stateless
public class OpportunityInsights {

    @PersistenceContext
    EntityManager em;

    /** A page, and the languages its insights are in (for Content-Language), in order of first use. */
    public record LocalizedPage(OpportunityInsightsPage page, List<String> languages) {

        /** 200 with the page, the languages it is in, and that it varies by the language asked for. */
        public Response response() {
            return response(page);
        }

        /** The same, with the page in another shape (the record summary's). */
        public Response response(Object body) {
            Response.ResponseBuilder ok = Response.ok(body).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
            if (!languages.isEmpty()) {
                ok.header(HttpHeaders.CONTENT_LANGUAGE, String.join(", ", languages));
            }
            return ok.build();
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
        record.orgHost().ifPresent(host -> requireOwnOrganization(tenantId, record.crmType(), host));
        TypedQuery<Insight> select = record.orgHost()
                .map(host -> em.createNamedQuery(window.isPresent() ? Insight.FIND_DATED_FOR_RECORD_IN_ORGANIZATION
                        : Insight.FIND_FOR_RECORD_IN_ORGANIZATION, Insight.class).setParameter("host", host))
                .orElseGet(() -> em.createNamedQuery(window.isPresent() ? Insight.FIND_DATED_FOR_RECORD
                        : Insight.FIND_FOR_RECORD, Insight.class));
        window.ifPresent(w -> select.setParameter("from", w.from()).setParameter("until", w.until()));
        int top = query.page().top();
        // One row more than asked tells whether another page exists, without a count query.
        List<Insight> rows = select
                .setParameter("tenantId", tenantId)
                .setParameter("now", OffsetDateTime.now(ZoneOffset.UTC))
                .setParameter("crmType", record.crmType())
                .setParameter("recordType", record.recordType())
                .setParameter("recordId", record.recordId())
                .setFirstResult(query.page().skip())
                .setMaxResults(top + 1)
                .getResultList();
        List<Insight> shown = rows.stream().limit(top).toList();
        Map<Long, List<InsightTranslation>> translations = translations(shown, languages);
        List<OpportunityInsight> page = new ArrayList<>();
        Set<String> used = new LinkedHashSet<>();
        for (Insight insight : shown) {
            List<InsightTranslation> candidates = translations.getOrDefault(insight.getId(), List.of());
            List<String> available = new ArrayList<>();
            available.add(insight.getLanguage());
            candidates.forEach(t -> available.add(t.getLanguage()));
            Optional<InsightTranslation> translation = languages.pick(available)
                    .filter(language -> !language.equals(insight.getLanguage()))
                    .flatMap(language -> candidates.stream().filter(t -> t.getLanguage().equals(language)).findFirst());
            page.add(translation.map(t -> OpportunityInsight.of(insight, t))
                    .orElseGet(() -> OpportunityInsight.of(insight)));
            translation.map(InsightTranslation::getLanguage).or(() -> Optional.ofNullable(insight.getLanguage()))
                    .ifPresent(used::add);
        }
        return new LocalizedPage(new OpportunityInsightsPage(page, rows.size() > top), List.copyOf(used));
    }

    /** The translations of the page's insights, in one query (none when the seller names no language). */
    private Map<Long, List<InsightTranslation>> translations(List<Insight> insights, LanguagePicker languages) {
        if (languages.isEmpty() || insights.isEmpty()) {
            return Map.of();
        }
        return em.createNamedQuery(InsightTranslation.OF_INSIGHTS, InsightTranslation.class)
                .setParameter("insightIds", insights.stream().map(Insight::getId).toList())
                .getResultList().stream()
                .collect(Collectors.groupingBy(InsightTranslation::getInsightId));
    }

    private void requireOwnOrganization(String tenantId, CrmType crmType, String host) {
        long owned = em.createNamedQuery(CrmOrganization.COUNT_OWNED_HOST, Long.class)
                .setParameter("crmType", crmType)
                .setParameter("host", host)
                .setParameter("tenantId", tenantId)
                .getSingleResult();
        if (owned == 0) {
            throw new ApiException(400, "INVALID_CRM_CONNECTION",
                    "The " + crmType.label() + " organization " + host
                            + " is not one of your organization's CRM connections.");
        }
    }
}
