package org.salesinsights.insights.control;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.salesinsights.insights.entity.CrmType;

/**
 * What an answer of a read action depends on, besides the data: the caller's tenant (whose organizations are
 * searched), the action (and the record summary's time window), the records as the caller named them, the
 * languages asked for, and the page.
 *
 * @param action which read action answers ({@link #KEY_SALES} and the record summary share it: the window tells)
 * @param window the record summary's time window; null for the other actions
 * @param others the records an answer is about besides the first one (the email summary reads several)
 */
public record AnswerKey(String action, String tenantId, TimeWindow window, CrmType crmType, String host,
        String recordType, String recordId, List<CrmRecordKey> others, String languages, int top, int skip) {

    public static final String KEY_SALES = "key-sales";
    public static final String EMAIL = "email";
    public static final String RELATED_RECORDS = "related-records";

    public AnswerKey {
        others = List.copyOf(others);
    }

    /** A Key sales info answer (window null) or a record summary answer. */
    public AnswerKey(String tenantId, TimeWindow window, CrmType crmType, String host, String recordType,
            String recordId, String languages, int top, int skip) {
        this(KEY_SALES, tenantId, window, crmType, host, recordType, recordId, List.of(), languages, top, skip);
    }

    public static AnswerKey of(String tenantId, InsightsQuery query, Optional<TimeWindow> window,
            LanguagePicker languages) {
        CrmRecordKey record = query.record();
        return new AnswerKey(tenantId, window.orElse(null), record.crmType(), record.orgHost().orElse(null),
                record.recordType(), record.recordId(), languages.key(), query.page().top(), query.page().skip());
    }

    /**
     * The record details' answer about a CRM record's related records. Not by language: a related record is written
     * in one.
     */
    public static AnswerKey ofRelatedRecords(String tenantId, InsightsQuery query) {
        CrmRecordKey record = query.record();
        return new AnswerKey(RELATED_RECORDS, tenantId, null, record.crmType(), record.orgHost().orElse(null),
                record.recordType(), record.recordId(), List.of(), "", query.page().top(), query.page().skip());
    }

    /** The email summary's answer about the records of a thread; there must be one at least. */
    public static AnswerKey ofEmail(String tenantId, EmailInsightsQuery query, LanguagePicker languages) {
        CrmRecordKey first = query.records().get(0);
        return new AnswerKey(EMAIL, tenantId, null, first.crmType(), first.orgHost().orElse(null),
                first.recordType(), first.recordId(), query.records().subList(1, query.records().size()),
                languages.key(), query.page().top(), query.page().skip());
    }

    /**
     * Whether the answer is about one of these records, each (CRM type, record type, record id) as a change names
     * it: the cache drops it then, whichever organization URL its caller named.
     */
    public boolean isAboutAny(Set<List<String>> records) {
        if (records.contains(List.of(crmType.name(), recordType, recordId))) {
            return true;
        }
        for (CrmRecordKey other : others) {
            if (records.contains(List.of(other.crmType().name(), other.recordType(), other.recordId()))) {
                return true;
            }
        }
        return false;
    }
}
