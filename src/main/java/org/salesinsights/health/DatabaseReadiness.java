package org.salesinsights.health;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.salesinsights.platform.requests.Deadline;

/**
 * Ready only while the insights database answers: a load balancer then sends no sellers to an instance that could
 * only answer 503. Answers within the same deadline as the action ({@code insights.request.deadline-ms}): a probe
 * that hangs while the database is gone would make the load balancer's own timeout the judge, and a dead network
 * holds a connection attempt for several seconds. The check waits for the ping up to a little less than the
 * deadline, leaving the health endpoint time to write its answer, and is DOWN when the ping has not answered by
 * then. While a ping is still running, later probes wait for that one instead of starting another, so a dead
 * database holds at most one worker of the readiness executor.
 */
@Readiness
@ApplicationScoped
@ManagedExecutorDefinition(name = DatabaseReadiness.EXECUTOR, maxAsync = 2)
public class DatabaseReadiness implements HealthCheck {

    static final String EXECUTOR = "java:app/concurrent/InsightsReadiness";
    static final String NAME = "insights-database";
    /** What the health endpoint needs besides this check to answer (other checks, JSON, the response). */
    static final long RESPONSE_MARGIN_MILLIS = 300;
    private static final Logger LOG = Logger.getLogger(DatabaseReadiness.class.getName());

    @Inject
    DatabasePing database;

    @Inject
    Deadline deadline;

    private Future<?> running;

    @Override
    public HealthCheckResponse call() {
        long waitMillis = waitMillis(deadline.millis());
        try {
            currentPing().get(waitMillis, TimeUnit.MILLISECONDS);
            return HealthCheckResponse.up(NAME);
        } catch (TimeoutException e) {
            LOG.fine(() -> "insights database did not answer within " + waitMillis + " ms");
            return down("no answer within " + waitMillis + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            LOG.fine(() -> "insights database not reachable: " + cause);
            return down(cause.getClass().getSimpleName());
        } catch (RejectedExecutionException e) {
            return down("readiness executor busy");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down("interrupted");
        }
    }

    /** The deadline less the endpoint's own share; never below a tenth of the deadline. */
    static long waitMillis(long deadlineMillis) {
        return Math.max(deadlineMillis / 10, deadlineMillis - RESPONSE_MARGIN_MILLIS);
    }

    private synchronized Future<?> currentPing() {
        if (running == null || running.isDone()) {
            running = database.pingInBackground();
        }
        return running;
    }

    private static HealthCheckResponse down(String reason) {
        return HealthCheckResponse.named(NAME).down().withData("reason", reason).build();
    }
}
