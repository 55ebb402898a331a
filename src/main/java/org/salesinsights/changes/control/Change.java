package org.salesinsights.changes.control;

import java.util.Objects;

/**
 * What a change touched, as far as read answers care: one CRM record (every answer about it, for any tenant and
 * organization URL), one tenant (its organizations or its registration: every answer it gets, and whether its users
 * may call), or everything (an operator's flush after direct SQL).
 *
 * @param crmType the CRM type's name ({@code DYNAMICS_365}), for a record
 */
public record Change(Scope scope, String tenantId, String crmType, String recordType, String recordId) {

    public enum Scope {
        RECORD, TENANT, ALL
    }

    public Change {
        Objects.requireNonNull(scope);
    }

    public static Change record(String crmType, String recordType, String recordId) {
        return new Change(Scope.RECORD, null, Objects.requireNonNull(crmType), Objects.requireNonNull(recordType),
                Objects.requireNonNull(recordId));
    }

    public static Change tenant(String tenantId) {
        return new Change(Scope.TENANT, Objects.requireNonNull(tenantId), null, null, null);
    }

    public static Change all() {
        return new Change(Scope.ALL, null, null, null, null);
    }
}
