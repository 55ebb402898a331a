package org.salesinsights.health;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the insights database answers: a load balancer then sends no sellers to an instance that
 * could only answer 503. The check is bounded by the datasource's own timeouts (server-config/) and by
 * {@link Connection#isValid(int)}.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(DatabaseReadiness.class.getName());
    private static final int VALIDATION_SECONDS = 1;

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource insights;

    @Override
    public HealthCheckResponse call() {
        try (Connection connection = insights.getConnection()) {
            boolean valid = connection.isValid(VALIDATION_SECONDS);
            return HealthCheckResponse.named("insights-database").status(valid).build();
        } catch (SQLException | RuntimeException e) {
            LOG.fine(() -> "insights database not reachable: " + e);
            return HealthCheckResponse.named("insights-database").down().withData("reason", e.getClass().getSimpleName()).build();
        }
    }
}
