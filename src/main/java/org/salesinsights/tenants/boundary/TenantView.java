package org.salesinsights.tenants.boundary;

import java.util.List;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A registered tenant as admins see it. */
@Schema(name = "Tenant", description = "A customer's Entra tenant and the CRM organizations it owns.")
@JsonbPropertyOrder({"tenantId", "version", "displayName", "organizations"})
public record TenantView(
        @Schema(description = "The Entra tenant id (tid), a lower-case GUID.") String tenantId,
        @Schema(description = "Its version, also its ETag: what If-Match sends back with a change.") long version,
        @Schema(description = "The customer's name.") String displayName,
        @Schema(description = "The CRM organizations whose insights the tenant's users see.")
        List<OrganizationView> organizations) {

    /** A CRM organization a tenant owns. */
    @Schema(name = "TenantOrganization")
    @JsonbPropertyOrder({"crmType", "host", "displayName"})
    public record OrganizationView(
            @Schema(description = "Dynamics 365 or Salesforce.") String crmType,
            @Schema(description = "The organization's normalized host.") String host,
            @Schema(description = "A name for people, when one was given.") String displayName) {
    }
}
