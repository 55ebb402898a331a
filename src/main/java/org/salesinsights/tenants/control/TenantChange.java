package org.salesinsights.tenants.control;

import java.util.List;

import org.salesinsights.insights.entity.CrmType;

/** What an admin says a tenant is: its name and every CRM organization it owns, validated and normalized. */
public record TenantChange(String displayName, List<Organization> organizations) {

    public TenantChange {
        organizations = List.copyOf(organizations);
    }

    /** A CRM organization by its type and normalized host, with an optional name for people. */
    public record Organization(CrmType crmType, String host, String displayName) {
    }
}
