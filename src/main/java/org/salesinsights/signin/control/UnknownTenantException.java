package org.salesinsights.signin.control;

/** A well-formed token of a tenant that is not registered: the caller is known to Entra, but not a customer here. */
public class UnknownTenantException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String tenantId;

    public UnknownTenantException(String tenantId) {
        super("tenant " + tenantId + " is not registered", null, false, false);
        this.tenantId = tenantId;
    }

    public String tenantId() {
        return tenantId;
    }
}
