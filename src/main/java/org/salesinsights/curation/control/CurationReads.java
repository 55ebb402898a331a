package org.salesinsights.curation.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import org.salesinsights.insights.entity.CrmOrganization;
import org.salesinsights.insights.entity.CrmRecord;
import org.salesinsights.insights.entity.CrmType;
import org.salesinsights.insights.entity.Insight;
import org.salesinsights.insights.entity.InsightTranslation;
import org.salesinsights.platform.errors.ApiException;
import org.salesinsights.platform.errors.ErrorCode;

/**
 * The reads that editing, history and transfers share, in the caller's transaction: organizations and records by
 * their names, and insights' translations.
 */
public final class CurationReads {

    /** The most ids in one IN list. */
    private static final int IN_LIST = 1000;

    private CurationReads() {
    }

    public static Optional<CrmOrganization> organization(EntityManager em, CrmType crmType, String host) {
        return em.createNamedQuery(CrmOrganization.FIND, CrmOrganization.class)
                .setParameter("crmType", crmType).setParameter("host", host).getResultStream().findFirst();
    }

    /** The organization; 404 when it is not registered. */
    public static CrmOrganization registered(EntityManager em, CrmType crmType, String host) {
        return organization(em, crmType, host).orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "No "
                + crmType.label() + " organization " + host + " is known; register it with a tenant first."));
    }

    public static Optional<CrmRecord> record(EntityManager em, CrmOrganization organization, String recordType,
            String recordId) {
        return em.createNamedQuery(CrmRecord.FIND, CrmRecord.class)
                .setParameter("organization", organization).setParameter("recordType", recordType)
                .setParameter("recordId", recordId).getResultStream().findFirst();
    }

    /** The translations of these insights by insight id, in bounded IN lists, not one query per insight. */
    public static Map<Long, List<InsightTranslation>> translations(EntityManager em, List<Insight> insights) {
        Map<Long, List<InsightTranslation>> translations = new HashMap<>();
        List<Long> ids = insights.stream().map(Insight::getId).toList();
        for (int from = 0; from < ids.size(); from += IN_LIST) {
            em.createNamedQuery(InsightTranslation.OF_INSIGHTS, InsightTranslation.class)
                    .setParameter("insightIds", ids.subList(from, Math.min(ids.size(), from + IN_LIST)))
                    .getResultList().forEach(t -> translations.computeIfAbsent(t.getInsightId(),
                            k -> new ArrayList<>()).add(t));
        }
        return translations;
    }

    public static List<InsightTranslation> translations(EntityManager em, Insight insight) {
        return em.createNamedQuery(InsightTranslation.OF_INSIGHT, InsightTranslation.class)
                .setParameter("insight", insight).getResultList();
    }

    public static ApiException notFound(String what, long id) {
        return new ApiException(ErrorCode.NOT_FOUND, "No " + what + " " + id + ".");
    }
}
