package org.salesinsights.signin.control;

/**
 * Which customers' tenants are registered for the service: what sign-in asks of the tenant registry before it
 * accepts a customer's token. The registry's component (tenants) implements it, so sign-in, which every boundary
 * uses, depends on no business component.
 */
public interface TenantRegistry {

    /** Whether the tenant is registered: its users may call the read actions for its organizations. */
    boolean isRegistered(String tenantId);
}
