package org.salesinsights.insights.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A CRM environment (a Dynamics 365 org or a Salesforce org), identified by its CRM type and normalized host.
 * Tenants will own organizations; insights reach a tenant only through the organization of their record.
 */
@Entity
@Table(name = "crm_organization")
public class CrmOrganization {

    @Id
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "crm_type", nullable = false, length = 16)
    private CrmType crmType;

    /** Lower-case ASCII host name (IDN in punycode), no port, no trailing dot. */
    @Column(nullable = false, length = 253)
    private String host;

    @Column(name = "display_name", length = 200)
    private String displayName;

    protected CrmOrganization() {
    }

    public Long getId() {
        return id;
    }

    public CrmType getCrmType() {
        return crmType;
    }

    public String getHost() {
        return host;
    }

    public String getDisplayName() {
        return displayName;
    }
}
