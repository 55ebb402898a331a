package org.salesinsights.insights.boundary;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import org.salesinsights.insights.control.CrmRecordKey;
import org.salesinsights.insights.control.InsightsQuery;
import org.salesinsights.insights.entity.CrmOrganization;
import org.salesinsights.insights.entity.CrmType;
import org.salesinsights.insights.entity.Insight;
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

    public OpportunityInsightsPage find(String tenantId, InsightsQuery query) {
        CrmRecordKey record = query.record();
        record.orgHost().ifPresent(host -> requireOwnOrganization(tenantId, record.crmType(), host));
        TypedQuery<Insight> select = record.orgHost()
                .map(host -> em.createNamedQuery(Insight.FIND_FOR_RECORD_IN_ORGANIZATION, Insight.class)
                        .setParameter("host", host))
                .orElseGet(() -> em.createNamedQuery(Insight.FIND_FOR_RECORD, Insight.class));
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
        List<OpportunityInsight> page = rows.stream().limit(top).map(OpportunityInsight::of).toList();
        return new OpportunityInsightsPage(page, rows.size() > top);
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
