package org.salesinsights.signin.control;

import java.util.Set;

/** Who a valid token speaks for: the customer's Entra tenant, the user, and the app roles granted to them. */
public record Caller(String tenantId, String objectId, Set<String> roles) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
