package org.salesinsights.insights.control;

import java.util.Objects;
import java.util.Optional;

import org.salesinsights.insights.entity.CrmType;

/**
 * Which CRM record the caller asks about, normalized: a known CRM type, the organization host when the caller
 * named one, the lower-case record type and the normal form of the record id.
 */
public record CrmRecordKey(CrmType crmType, Optional<String> orgHost, String recordType, String recordId) {

    public CrmRecordKey {
        Objects.requireNonNull(crmType, "crmType");
        Objects.requireNonNull(orgHost, "orgHost");
        Objects.requireNonNull(recordType, "recordType");
        Objects.requireNonNull(recordId, "recordId");
    }
}
