package org.salesinsights.tenants.boundary;

import java.util.List;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A registered tenant as admins see it. */
@Schema(name = "Tenant", description = "A customer's Entra tenant and the CRM organizations it owns.")
@JsonbPropertyOrder({"tenantId", "version", "displayName", "organizations", "feeders"})
public record TenantView(
        @Schema(description = "The Entra tenant id (tid), a lower-case GUID.") String tenantId,
        @Schema(description = "Its version, also its ETag: what If-Match sends back with a change.") long version,
        @Schema(description = "The customer's name.") String displayName,
        @Schema(description = "The CRM organizations whose insights the tenant's users see.")
        List<OrganizationView> organizations,
        @Schema(description = "The applications allowed to feed insights into its organizations (feed API).")
        List<FeederView> feeders) {

    /** An application allowed to feed the tenant's organizations. */
    @Schema(name = "TenantFeeder")
    @JsonbPropertyOrder({"appId", "name"})
    public record FeederView(
            @Schema(description = "The application's (client) id, as its app-only tokens name it (azp or appid).")
            String appId,
            @Schema(description = "Its name, as the insights' history shows it.") String name) {
    }

    /** A CRM organization a tenant owns. */
    @Schema(name = "TenantOrganization")
    @JsonbPropertyOrder({"crmType", "host", "displayName"})
    public record OrganizationView(
            @Schema(description = "Dynamics 365 or Salesforce.") String crmType,
            @Schema(description = "The organization's normalized host.") String host,
            @Schema(description = "A name for people, when one was given.") String displayName) {
    }
}
