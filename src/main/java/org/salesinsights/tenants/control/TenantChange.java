package org.salesinsights.tenants.control;

import java.util.List;

import org.salesinsights.insights.entity.CrmType;

/**
 * What an admin says a tenant is: its name, every CRM organization it owns and every application allowed to feed
 * them, validated and normalized.
 */
public record TenantChange(String displayName, List<Organization> organizations, List<Feeder> feeders) {

    public TenantChange {
        organizations = List.copyOf(organizations);
        feeders = List.copyOf(feeders);
    }

    /** A tenant with no feeders. */
    public TenantChange(String displayName, List<Organization> organizations) {
        this(displayName, organizations, List.of());
    }

    /** An application allowed to feed: its app id (a lower-case GUID) and the name history shows for it. */
    public record Feeder(String appId, String name) {
    }

    /** A CRM organization by its type and normalized host, with an optional name for people. */
    public record Organization(CrmType crmType, String host, String displayName) {
    }
}
