package org.salesinsights.insights.boundary;

/**
 * The names of the refusals the Sales app's actions share, declared once as OpenAPI response components (on the
 * application class, InsightsApplication) and referred to by each action: {@code @APIResponse(responseCode = "401",
 * ref = ReadResponses.NO_VALID_TOKEN)}. The connector package resolves them into each operation as Power Platform
 * wants it.
 */
public final class ReadResponses {

    /** 400: a parameter missing or malformed, or an organization not the caller's. */
    public static final String INVALID_REQUEST = "InvalidRequest";
    /** 401. */
    public static final String NO_VALID_TOKEN = "NoValidToken";
    /** 403: the caller's tenant is not registered. */
    public static final String TENANT_NOT_REGISTERED = "TenantNotRegistered";
    /** 404: nothing at the path (a connector with a wrong host or base path). */
    public static final String NOT_FOUND = "NotFound";
    /** 429: answered by the reverse proxy. */
    public static final String THROTTLED = "Throttled";
    /** 503 with Retry-After. */
    public static final String STORE_UNAVAILABLE = "StoreUnavailable";
    /** 500. */
    public static final String SERVER_FAILURE = "ServerFailure";

    private ReadResponses() {
    }
}
