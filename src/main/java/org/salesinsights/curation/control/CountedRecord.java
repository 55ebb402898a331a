package org.salesinsights.curation.control;

import org.salesinsights.insights.entity.CrmRecord;

/**
 * A record with the number of its insights, as {@code CrmRecord.COUNTED_OF_ORGANIZATION} reads it (a JPQL
 * constructor expression: the count is the {@code Long} that {@code COUNT} gives).
 */
public record CountedRecord(CrmRecord record, Long insights) {
}
