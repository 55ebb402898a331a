package org.salesinsights.signin.control;

import java.util.Set;

/**
 * Who a valid token speaks for: the customer's Entra tenant, the user (or the application's service principal), and
 * the app roles granted to them.
 *
 * @param appId for an application signed in as itself (an app-only token: client credentials), its app id
 *     ({@code azp} of v2 tokens, {@code appid} of v1); null for a user signed in through an app (a delegated token)
 */
public record Caller(String tenantId, String objectId, Set<String> roles, String appId) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    /** A user, signed in with a delegated token. */
    public Caller(String tenantId, String objectId, Set<String> roles) {
        this(tenantId, objectId, roles, null);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** Whether the caller is an application signed in as itself, not a user. */
    public boolean isApp() {
        return appId != null;
    }
}
