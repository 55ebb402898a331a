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
 */
public record InsightRow(int line, int index, CrmType crmType, String orgHost, String recordType, String recordId,
        String recordName, InsightDocument insight, Map<String, InsightDocument> translations) {

    public InsightRow {
        translations = translations == null ? null : Map.copyOf(translations);
    }

    /** What names the insight across files: its record and its key. */
    public String identity() {
        return crmType.name() + ' ' + orgHost + ' ' + recordType + ' ' + recordId + ' ' + insight.key();
    }
}
