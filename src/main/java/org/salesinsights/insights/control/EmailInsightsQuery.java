package org.salesinsights.insights.control;

import java.util.List;

/**
 * A checked request of the email summary action: the CRM records the email thread relates to, in the order they are
 * read (the thread's connected records first, then as the Sales app listed them, each once), and the page.
 * Empty records: the Sales app named none, and no insight fits.
 */
public record EmailInsightsQuery(List<CrmRecordKey> records, PageRequest page) {

    public EmailInsightsQuery {
        records = List.copyOf(records);
    }
}
