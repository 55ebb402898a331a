package org.salesinsights.feeds.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.junit.jupiter.api.Test;
import org.salesinsights.feeds.control.FeedCaller;
import org.salesinsights.feeds.control.FeedName;
import org.salesinsights.insights.entity.CrmOrganization;
import org.salesinsights.insights.entity.CrmType;
import org.salesinsights.platform.errors.ApiException;
import org.salesinsights.platform.errors.ErrorCode;
import org.salesinsights.tenants.entity.Feeder;
import org.salesinsights.tenants.entity.Tenant;

/**
 * Who may feed an organization ({@link FeedWork#permit}), decided on hand-made entities: the tenant that owns it lists
 * the application, and the token comes from that tenant or the partner's; every refusal reads the same.
 */
class FeedWorkPermitTest {

    private static final String QUOTES_APP = "a7c1e000-0000-4000-a000-000000000001";
    private static final String OWNER = "f00d0000-0000-4000-a000-000000000001";
    private static final String OTHER = "f00d0001-0000-4000-a000-000000000001";
    /** Owns an organization and lists no feeder. */
    private static final String UNLISTING = "f00d0002-0000-4000-a000-000000000001";
    private static final String PARTNER = "0b0b0b0b-0000-4000-a000-000000000000";

    private final AtomicInteger lookups = new AtomicInteger();
    private final Map<String, Tenant> tenants = new HashMap<>();
    private final List<CrmOrganization> organizations = List.of(owned("ours.crm.dynamics.com", OWNER, QUOTES_APP),
            owned("unlisted.crm.dynamics.com", UNLISTING), new CrmOrganization(CrmType.DYNAMICS_365,
                    "nobodys.crm.dynamics.com"));

    /** An organization the tenant owns; the tenant lists the feeders (the one list for a tenant's organizations). */
    private CrmOrganization owned(String host, String tenantId, String... feeders) {
        Tenant tenant = tenants.computeIfAbsent(tenantId, id -> new Tenant(id, "Owner"));
        tenant.setFeeders(java.util.Arrays.stream(feeders).map(app -> new Feeder(app, "Quotes")).toList());
        CrmOrganization organization = new CrmOrganization(CrmType.DYNAMICS_365, host);
        organization.setTenantId(tenantId);
        return organization;
    }

    private static FeedName name(String host) {
        return new FeedName("quotes", "Q-1", CrmType.DYNAMICS_365, host);
    }

    /** The work of one request by this caller, over an entity manager that finds {@link #organizations}. */
    private FeedWork work(FeedCaller caller) {
        return new FeedWork(entityManager(), caller);
    }

    @Test
    void theOwnersListedApplicationWithTheOwnersTokenMayFeed() {
        FeedWork.Permit permit = work(new FeedCaller(QUOTES_APP, OWNER, false)).permit(name("ours.crm.dynamics.com"));
        assertSame(organizations.get(0), permit.organization());
        assertEquals("app Quotes (" + QUOTES_APP + ")", permit.by(), "the change log names the feeder");
    }

    @Test
    void aTokenOfThePartnersTenantServesEveryOwner() {
        FeedWork.Permit permit = work(new FeedCaller(QUOTES_APP, PARTNER, true)).permit(name("ours.crm.dynamics.com"));
        assertSame(organizations.get(0), permit.organization());
    }

    @Test
    void everyRefusalReadsTheSame() {
        String ours = refusal(new FeedCaller(QUOTES_APP, OTHER, false), "ours.crm.dynamics.com");
        assertEquals(ours, refusal(new FeedCaller(QUOTES_APP, UNLISTING, false), "unlisted.crm.dynamics.com")
                .replace("unlisted.", "ours."), "the owner does not list the application");
        assertEquals(ours, refusal(new FeedCaller(QUOTES_APP, PARTNER, true), "nobodys.crm.dynamics.com")
                .replace("nobodys.", "ours."), "nobody owns the organization: not even the partner feeds it");
        assertEquals(ours, refusal(new FeedCaller(QUOTES_APP, OTHER, false), "unknown.crm.dynamics.com")
                .replace("unknown.", "ours."), "no such organization");
        assertEquals(ours, refusal(new FeedCaller("a7c1e000-0000-4000-a000-000000000002", OWNER, false),
                "ours.crm.dynamics.com").replace("000000000002", "000000000001"), "another application");
    }

    @Test
    void oneLookupPerOrganizationWhateverItsAnswer() {
        FeedWork work = work(new FeedCaller(QUOTES_APP, OTHER, false));
        ApiException first = assertThrows(ApiException.class, () -> work.permit(name("ours.crm.dynamics.com")));
        ApiException again = assertThrows(ApiException.class, () -> work.permit(name("ours.crm.dynamics.com")));
        assertSame(first, again);
        FeedWork owners = work(new FeedCaller(QUOTES_APP, OWNER, false));
        assertSame(owners.permit(name("ours.crm.dynamics.com")), owners.permit(name("ours.crm.dynamics.com")));
        assertEquals(2, lookups.get());
    }

    private String refusal(FeedCaller caller, String host) {
        ApiException refusal = assertThrows(ApiException.class, () -> work(caller).permit(name(host)));
        assertEquals(ErrorCode.INSUFFICIENT_PERMISSIONS, refusal.errorCode());
        return refusal.getMessage();
    }

    /**
     * Answers CrmOrganization.FIND from {@link #organizations} and finds a tenant in {@link #tenants}; anything else
     * is a mistake of the test.
     */
    private EntityManager entityManager() {
        return (EntityManager) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {EntityManager.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("createNamedQuery") && CrmOrganization.FIND.equals(args[0])) {
                        lookups.incrementAndGet();
                        return findQuery();
                    }
                    if (method.getName().equals("find") && args[0] == Tenant.class) {
                        return tenants.get(args[1]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private TypedQuery<?> findQuery() {
        Map<String, Object> parameters = new HashMap<>();
        return (TypedQuery<?>) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {TypedQuery.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "setParameter" -> {
                        parameters.put((String) args[0], args[1]);
                        yield proxy;
                    }
                    case "getResultStream" -> organizations.stream()
                            .filter(o -> o.getCrmType() == parameters.get("crmType")
                                    && o.getHost().equals(parameters.get("host")));
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
