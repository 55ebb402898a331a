package org.salesinsights.curation.control;

import java.util.Map;

import org.salesinsights.insights.entity.CrmType;

/**
 * One insight of a bulk file with the record it belongs to: a row of an import, or of an export.
 *
 * @param line where the row starts in its file (1 for the first line); 0 for a row not read from a file
 * @param index which insight of its file it is (from 1); 0 for a row not read from a file
 * @param translations the insight's translations by language; null when the file does not say (a CSV file), so
 *     that an import leaves them as they are
 * @param fed the feed's name for the insight, for a fed one; null for a curated one, or when the file does not say
 * @param hidden whether curators hid it from sellers; null when the file does not say (a file written before feeds),
 *     so that an import leaves an insight's choice as it is and makes a new one visible
 */
public record InsightRow(int line, int index, CrmType crmType, String orgHost, String recordType, String recordId,
        String recordName, InsightDocument insight, Map<String, InsightDocument> translations, Fed fed,
        Boolean hidden) {

    public InsightRow {
        translations = translations == null ? null : Map.copyOf(translations);
    }

    /** What names the insight across files: its record and its key. */
    public String identity() {
        return crmType.name() + ' ' + orgHost + ' ' + recordType + ' ' + recordId + ' ' + insight.key();
    }

    /** What names a fed insight across files and feeds: its organization, source and external id; null if curated. */
    public String fedIdentity() {
        return fed == null ? null : crmType.name() + ' ' + orgHost + ' ' + fed.source() + ' ' + fed.externalId();
    }

    /**
     * How the feed names a fed insight within its organization (unique there, as V5's {@code uq_insight_feed} keeps
     * it), checked by {@code FeedNames}.
     */
    public record Fed(String source, String externalId) {
    }
}
