package org.salesinsights.feeds.control;

import java.util.Objects;

/**
 * An application feeding insights, as its app-only token names it.
 *
 * @param appId its application (client) id, a lower-case GUID
 * @param tenantId the tenant its token was issued in
 * @param partner whether that tenant is one of the partner's own (insights.signin.admin-tenant-ids): a partner's
 *     feeder may feed every tenant that lists it, a customer's only its own tenant's organizations
 */
public record FeedCaller(String appId, String tenantId, boolean partner) {

    public FeedCaller {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(tenantId, "tenantId");
    }
}
