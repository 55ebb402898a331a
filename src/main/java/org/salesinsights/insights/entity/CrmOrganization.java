package org.salesinsights.insights.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * A CRM environment (a Dynamics 365 org or a Salesforce org), identified by its CRM type and normalized host.
 * Each belongs to at most one tenant, named by its id (the tenant registry, a component above this one, keeps the
 * tenants); insights reach a tenant only through the organization of their record, so an organization without a
 * tenant serves nobody (its insights are kept).
 */
@Entity
@Table(name = "crm_organization")
@NamedQuery(name = CrmOrganization.OF_TENANT,
        query = "SELECT o FROM CrmOrganization o WHERE o.tenantId = :tenantId ORDER BY o.crmType, o.host")
@NamedQuery(name = CrmOrganization.FIND,
        query = "SELECT o FROM CrmOrganization o WHERE o.crmType = :crmType AND o.host = :host")
public class CrmOrganization {

    public static final String OF_TENANT = "CrmOrganization.ofTenant";
    public static final String FIND = "CrmOrganization.find";

    @Id
    @SequenceGenerator(name = "crm_organization_seq", sequenceName = "crm_organization_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "crm_organization_seq")
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "crm_type", nullable = false, length = 16)
    private CrmType crmType;

    /** Lower-case ASCII host name (IDN in punycode), no port, no trailing dot. */
    @Column(nullable = false, length = 253)
    private String host;

    @Column(name = "display_name", length = 200)
    private String displayName;

    /** The Entra tenant that owns it (a registered tenant's id, a foreign key), or null. */
    @Column(name = "tenant_id", length = 36)
    private String tenantId;

    protected CrmOrganization() {
    }

    public CrmOrganization(CrmType crmType, String host) {
        this.crmType = crmType;
        this.host = host;
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

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getTenantId() {
        return tenantId;
    }

    public void setTenantId(String tenantId) {
        this.tenantId = tenantId;
    }
}
