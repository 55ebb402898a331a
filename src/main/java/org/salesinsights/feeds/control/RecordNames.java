package org.salesinsights.feeds.control;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.salesinsights.insights.control.CrmRecordKey;
import org.salesinsights.insights.control.InsightsQueryParser;
import org.salesinsights.insights.control.InvalidParameterException;

/**
 * The records a feed's items name, each read once per request: a batch names its records again and again (a record
 * with ten insights, ten times), and checking a record as the read action does (the organization's URL above all)
 * was a tenth of a thousand-item batch's time. The same four fields always give the same record or the same problem.
 * One per request; not for threads to share.
 */
final class RecordNames {

    private record Fields(String recordType, String recordId, String crmType, String crmOrgUrl) {
    }

    /** What four fields gave: a record, or why they name none. */
    private record Outcome(CrmRecordKey record, InvalidParameterException problem) {
    }

    private final InsightsQueryParser parser;
    private final Map<Fields, Outcome> read = new HashMap<>();

    RecordNames(InsightsQueryParser parser) {
        this.parser = Objects.requireNonNull(parser);
    }

    /** The record the fields name, normalized as the read action normalizes its parameters. */
    CrmRecordKey record(String recordType, String recordId, String crmType, String crmOrgUrl)
            throws InvalidParameterException {
        Outcome outcome = read.computeIfAbsent(new Fields(recordType, recordId, crmType, crmOrgUrl), fields -> {
            try {
                return new Outcome(parser.parse(recordType, recordId, crmType, crmOrgUrl, null, null).record(), null);
            } catch (InvalidParameterException e) {
                return new Outcome(null, e);
            }
        });
        if (outcome.problem() != null) {
            throw outcome.problem();
        }
        return outcome.record();
    }
}
