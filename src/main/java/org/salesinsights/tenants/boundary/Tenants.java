package org.salesinsights.tenants.boundary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.salesinsights.insights.entity.CrmOrganization;
import org.salesinsights.platform.ApiException;
import org.salesinsights.tenants.control.TenantChange;
import org.salesinsights.tenants.entity.Tenant;

/**
 * The registry of tenants and the CRM organizations each owns. An organization has at most one owner; taking one
 * away from a tenant keeps its insights (they then serve nobody until a tenant owns it again).
 */
@Stateless
public class Tenants {

    @PersistenceContext
    EntityManager em;

    public List<String> registeredIds() {
        return em.createNamedQuery(Tenant.ALL_IDS, String.class).getResultList();
    }

    public List<TenantView> list() {
        return em.createNamedQuery(Tenant.ALL, Tenant.class).getResultList().stream().map(this::view).toList();
    }

    public Optional<TenantView> find(String tenantId) {
        return Optional.ofNullable(em.find(Tenant.class, tenantId)).map(this::view);
    }

    /** Registers the tenant or replaces what it is; true when it is new. */
    public boolean put(String tenantId, TenantChange change) {
        Tenant tenant = em.find(Tenant.class, tenantId);
        boolean created = tenant == null;
        if (created) {
            tenant = new Tenant(tenantId, change.displayName());
            em.persist(tenant);
        } else {
            tenant.setDisplayName(change.displayName());
        }
        List<String> takenByOthers = new ArrayList<>();
        for (TenantChange.Organization wanted : change.organizations()) {
            CrmOrganization organization = em.createNamedQuery(CrmOrganization.FIND, CrmOrganization.class)
                    .setParameter("crmType", wanted.crmType())
                    .setParameter("host", wanted.host())
                    .getResultStream().findFirst().orElse(null);
            if (organization == null) {
                organization = new CrmOrganization(wanted.crmType(), wanted.host());
                em.persist(organization);
            } else if (organization.getTenant() != null && !organization.getTenant().getId().equals(tenantId)) {
                takenByOthers.add(wanted.crmType().label() + " " + wanted.host());
                continue;
            }
            organization.setTenant(tenant);
            if (wanted.displayName() != null) {
                organization.setDisplayName(wanted.displayName());
            }
        }
        if (!takenByOthers.isEmpty()) {
            throw new ApiException(409, "CONFLICT", "Another tenant owns " + String.join(", ", takenByOthers)
                    + "; an organization belongs to one tenant.", Map.of("organizations", takenByOthers));
        }
        for (CrmOrganization owned : owned(tenantId)) {
            if (!isWanted(owned, change)) {
                owned.setTenant(null);
            }
        }
        return created;
    }

    /** Removes the tenant; its organizations and their insights stay, owned by nobody. */
    public boolean delete(String tenantId) {
        Tenant tenant = em.find(Tenant.class, tenantId);
        if (tenant == null) {
            return false;
        }
        owned(tenantId).forEach(organization -> organization.setTenant(null));
        em.flush(); // the organizations let go of the tenant before it goes
        em.remove(tenant);
        return true;
    }

    private List<CrmOrganization> owned(String tenantId) {
        return em.createNamedQuery(CrmOrganization.OF_TENANT, CrmOrganization.class)
                .setParameter("tenantId", tenantId).getResultList();
    }

    private static boolean isWanted(CrmOrganization organization, TenantChange change) {
        return change.organizations().stream().anyMatch(wanted -> wanted.crmType() == organization.getCrmType()
                && wanted.host().equals(organization.getHost()));
    }

    private TenantView view(Tenant tenant) {
        return new TenantView(tenant.getId(), tenant.getDisplayName(), owned(tenant.getId()).stream()
                .map(o -> new TenantView.OrganizationView(o.getCrmType().label(), o.getHost(), o.getDisplayName()))
                .toList());
    }
}
