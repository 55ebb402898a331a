package org.salesinsights.curation.control;

import java.util.List;

/**
 * A related record as a curator writes it, checked: the fields of Microsoft's related record (recordId, recordType,
 * recordTypeDisplayName, recordTypePluralDisplayName, recordTitle, url, additionalProperties), the language they are
 * written in and the curator's priority.
 */
public record RelatedRecordDocument(String recordId, String recordType, String recordTypeDisplayName,
        String recordTypePluralDisplayName, String recordTitle, String url, String language, int priority,
        List<InsightDocument.Property> additionalProperties) {

    public RelatedRecordDocument {
        additionalProperties = List.copyOf(additionalProperties);
    }
}
