package org.salesinsights.insights.boundary;

import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import org.salesinsights.insights.control.CrmRecordKey;
import org.salesinsights.insights.control.InsightsQuery;
import org.salesinsights.insights.entity.Insight;

/** Reads a page of a CRM record's curated insights and shapes it for the Sales app, in one transaction. */
@Stateless
public class OpportunityInsights {

    @PersistenceContext
    EntityManager em;

    public OpportunityInsightsPage find(InsightsQuery query) {
        CrmRecordKey record = query.record();
        TypedQuery<Insight> select = record.orgHost()
                .map(host -> em.createNamedQuery(Insight.FIND_FOR_RECORD_IN_ORGANIZATION, Insight.class)
                        .setParameter("host", host))
                .orElseGet(() -> em.createNamedQuery(Insight.FIND_FOR_RECORD, Insight.class));
        int top = query.page().top();
        // One row more than asked tells whether another page exists, without a count query.
        List<Insight> rows = select
                .setParameter("crmType", record.crmType())
                .setParameter("recordType", record.recordType())
                .setParameter("recordId", record.recordId())
                .setFirstResult(query.page().skip())
                .setMaxResults(top + 1)
                .getResultList();
        List<OpportunityInsight> page = rows.stream().limit(top).map(OpportunityInsight::of).toList();
        return new OpportunityInsightsPage(page, rows.size() > top);
    }
}
