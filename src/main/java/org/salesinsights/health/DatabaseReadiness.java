package org.salesinsights.health;

import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the insights database answers: a load balancer then sends no sellers to an instance that could
 * only answer 503. Bounded by the query timeout and the datasource's own timeouts (server-config/).
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(DatabaseReadiness.class.getName());
    static final String NAME = "insights-database";

    @Inject
    DatabasePing database;

    @Override
    public HealthCheckResponse call() {
        try {
            database.ping();
            return HealthCheckResponse.up(NAME);
        } catch (RuntimeException e) {
            LOG.fine(() -> "insights database not reachable: " + e);
            return HealthCheckResponse.named(NAME).down().withData("reason", e.getClass().getSimpleName()).build();
        }
    }
}
