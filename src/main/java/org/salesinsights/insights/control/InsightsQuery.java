package org.salesinsights.insights.control;

/** A checked request for one page of a CRM record's insights. */
public record InsightsQuery(CrmRecordKey record, PageRequest page) {
}
