package org.salesinsights.tenants.boundary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import org.salesinsights.changes.boundary.ChangeLog;
import org.salesinsights.changes.control.Change;
import org.salesinsights.insights.entity.CrmOrganization;
import org.salesinsights.platform.errors.ApiException;
import org.salesinsights.platform.errors.ErrorCode;
import org.salesinsights.platform.requests.IfMatch;
import org.salesinsights.tenants.control.TenantChange;
import org.salesinsights.tenants.entity.Feeder;
import org.salesinsights.tenants.entity.Tenant;

/**
 * The registry of tenants and the CRM organizations each owns. An organization has at most one owner; taking one
 * away from a tenant keeps its insights (they then serve nobody until a tenant owns it again).
 */
@Stateless
public class Tenants {

    @PersistenceContext
    EntityManager em;

    @EJB
    ChangeLog changeLog;

    public List<String> registeredIds() {
        return em.createNamedQuery(Tenant.ALL_IDS, String.class).getResultList();
    }

    public List<TenantView> list() {
        return em.createNamedQuery(Tenant.ALL, Tenant.class).getResultList().stream().map(this::view).toList();
    }

    public Optional<TenantView> find(String tenantId) {
        return Optional.ofNullable(em.find(Tenant.class, tenantId)).map(this::view);
    }

    /**
     * Registers the tenant or replaces what it is; true when it is new. A change of a registered tenant needs the
     * version last read (428 without, 412 when stale); every change moves the version on, its organizations too.
     */
    public boolean put(String tenantId, Optional<Long> expectedVersion, TenantChange change) {
        Tenant tenant = em.find(Tenant.class, tenantId);
        boolean created = tenant == null;
        if (created) {
            if (expectedVersion.isPresent()) {
                throw new ApiException(ErrorCode.PRECONDITION_FAILED, "No tenant " + tenantId + " is registered, so"
                        + " If-Match names none of its versions.");
            }
            tenant = new Tenant(tenantId, change.displayName());
            // listed before the tenant is first written: a change after the insert would make its first version 2
            tenant.setFeeders(feeders(change.feeders()));
            em.persist(tenant);
            em.flush(); // its row before its organizations name it (a foreign key EclipseLink cannot see)
        } else {
            current(tenant, expectedVersion);
            tenant.setDisplayName(change.displayName());
            em.lock(tenant, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        }
        List<String> takenByOthers = new ArrayList<>();
        for (TenantChange.Organization wanted : change.organizations()) {
            CrmOrganization organization = registered(wanted);
            if (organization == null) {
                organization = new CrmOrganization(wanted.crmType(), wanted.host());
                em.persist(organization);
            } else if (organization.getTenantId() != null && !organization.getTenantId().equals(tenantId)) {
                takenByOthers.add(wanted.crmType().label() + " " + wanted.host());
                continue;
            }
            organization.setTenantId(tenantId);
            if (wanted.displayName() != null) {
                organization.setDisplayName(wanted.displayName());
            }
        }
        if (!takenByOthers.isEmpty()) {
            throw new ApiException(ErrorCode.CONFLICT, "Another tenant owns " + String.join(", ", takenByOthers)
                    + "; an organization belongs to one tenant.", Map.of("organizations", takenByOthers));
        }
        for (CrmOrganization owned : owned(tenantId)) {
            if (!isWanted(owned, change)) {
                owned.setTenantId(null);
            }
        }
        if (!created) {
            tenant.setFeeders(feeders(change.feeders()));
        }
        changeLog.record(Change.tenant(tenantId)); // its answers, and whether its users may call
        return created;
    }

    private static List<Feeder> feeders(List<TenantChange.Feeder> feeders) {
        return feeders.stream().map(f -> new Feeder(f.appId(), f.name())).toList();
    }

    /** What a seed file's claim of an organization for a tenant found. */
    public enum Claim {
        /** Made, or given to the tenant: no tenant had it. */
        ADDED,
        /** The tenant has it already. */
        OWNED,
        /** Another tenant owns it: nothing changed. */
        OWNED_BY_ANOTHER,
        /** It is registered with no owner (an admin took it away, or removed its tenant): nothing changed. */
        LEFT_WITHOUT_OWNER
    }

    /**
     * Registers the tenant and its organizations for a seed file, adding what is absent: a registered tenant keeps
     * its name and its other organizations (a seed adds, it never undoes an admin's change), and an organization
     * registered before is left as it is unless it is the tenant's own, so a seed never takes what it did not make.
     * The answer has one claim per organization, in their order; the caller rolls back if any is refused. The
     * feeders the tenant does not list yet (by app id) are added after those it lists; one it lists keeps its name.
     *
     * @return whether the tenant is new, what each organization's claim found, and how many feeders it has now
     */
    public SeedRegistration seed(String tenantId, String displayName, List<TenantChange.Organization> organizations,
            List<TenantChange.Feeder> feeders) {
        Tenant tenant = em.find(Tenant.class, tenantId);
        boolean created = tenant == null;
        int feedersAdded = 0;
        if (created) {
            tenant = new Tenant(tenantId, displayName);
            // listed before the tenant is first written: a change after the insert would make its first version 2
            tenant.setFeeders(feeders(feeders));
            feedersAdded = feeders.size();
            em.persist(tenant);
            em.flush(); // its row before its organizations name it (a foreign key EclipseLink cannot see)
        }
        List<Claim> claims = new ArrayList<>();
        for (TenantChange.Organization wanted : organizations) {
            CrmOrganization organization = registered(wanted);
            if (organization == null) {
                organization = new CrmOrganization(wanted.crmType(), wanted.host());
                organization.setDisplayName(wanted.displayName());
                organization.setTenantId(tenantId);
                em.persist(organization);
                claims.add(Claim.ADDED);
            } else if (organization.getTenantId() == null) {
                claims.add(Claim.LEFT_WITHOUT_OWNER);
            } else {
                claims.add(organization.getTenantId().equals(tenantId) ? Claim.OWNED : Claim.OWNED_BY_ANOTHER);
            }
        }
        for (TenantChange.Feeder wanted : created ? List.<TenantChange.Feeder>of() : feeders) {
            if (tenant.feeder(wanted.appId()).isEmpty()) {
                tenant.getFeeders().add(new Feeder(wanted.appId(), wanted.name()));
                feedersAdded++;
            }
        }
        boolean changed = claims.contains(Claim.ADDED) || feedersAdded > 0;
        if (!created && changed) {
            em.lock(tenant, LockModeType.OPTIMISTIC_FORCE_INCREMENT); // its organizations or feeders: a new version
        }
        if (created || changed) {
            changeLog.record(Change.tenant(tenantId));
        }
        return new SeedRegistration(created, claims, feedersAdded, tenant.getFeeders().size());
    }

    /** What a seed file's registration of a tenant did, and how many feeders the tenant lists now. */
    public record SeedRegistration(boolean tenantAdded, List<Claim> claims, int feedersAdded, int feedersListed) {

        public SeedRegistration {
            claims = List.copyOf(claims);
        }
    }

    /** Removes the tenant, if the version is the current one; its organizations and insights stay, unowned. */
    public boolean delete(String tenantId, Optional<Long> expectedVersion) {
        Tenant tenant = em.find(Tenant.class, tenantId);
        if (tenant == null) {
            return false;
        }
        current(tenant, expectedVersion);
        owned(tenantId).forEach(organization -> organization.setTenantId(null));
        em.flush(); // the organizations let go of the tenant before it goes
        em.remove(tenant);
        changeLog.record(Change.tenant(tenantId));
        return true;
    }

    private static void current(Tenant tenant, Optional<Long> expectedVersion) {
        long expected = expectedVersion.orElseThrow(IfMatch::missing);
        if (tenant.getVersion() != expected) {
            throw IfMatch.stale(tenant.getVersion());
        }
    }

    /** The organization, if it is registered (with an owner or without). */
    private CrmOrganization registered(TenantChange.Organization wanted) {
        return em.createNamedQuery(CrmOrganization.FIND, CrmOrganization.class)
                .setParameter("crmType", wanted.crmType())
                .setParameter("host", wanted.host())
                .getResultStream().findFirst().orElse(null);
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
        return new TenantView(tenant.getId(), tenant.getVersion(), tenant.getDisplayName(),
                owned(tenant.getId()).stream()
                .map(o -> new TenantView.OrganizationView(o.getCrmType().label(), o.getHost(), o.getDisplayName()))
                .toList(),
                tenant.getFeeders().stream().map(f -> new TenantView.FeederView(f.getAppId(), f.getName())).toList());
    }
}
