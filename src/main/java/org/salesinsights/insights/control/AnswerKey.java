package org.salesinsights.insights.control;

import java.util.Optional;

import org.salesinsights.insights.entity.CrmType;

/**
 * What an answer of a read action depends on, besides the data: the caller's tenant (whose organizations are
 * searched), the action (and the record summary's time window), the record as the caller named it, the languages
 * asked for, and the page.
 *
 * @param window the record summary's time window; null for the Key sales info action
 */
public record AnswerKey(String tenantId, TimeWindow window, CrmType crmType, String host, String recordType,
        String recordId, String languages, int top, int skip) {

    public static AnswerKey of(String tenantId, InsightsQuery query, Optional<TimeWindow> window,
            LanguagePicker languages) {
        CrmRecordKey record = query.record();
        return new AnswerKey(tenantId, window.orElse(null), record.crmType(), record.orgHost().orElse(null),
                record.recordType(), record.recordId(), languages.key(), query.page().top(), query.page().skip());
    }
}
