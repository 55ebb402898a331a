package org.salesinsights.platform;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.AsyncResponse;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers every call within a deadline, whatever the database does. The work runs in the request's own thread
 * (no hand-over to another pool on the hot path); a managed scheduler answers 503 with Retry-After (which the
 * connector retries) if the deadline passes first, instead of a hang that eats Microsoft's 5-second budget. A
 * database call blocked on a dead network then ends by the driver's own timeouts and its late result is dropped.
 */
@ApplicationScoped
public class Deadline {

    private static final Logger LOG = Logger.getLogger(Deadline.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "insights.request.deadline-ms", defaultValue = "1500")
    long deadlineMillis;

    /** Resumes {@code response} with what {@code work} returns, its failure, or 503 at the deadline. */
    public void answer(AsyncResponse response, HttpServletRequest request, Supplier<?> work) {
        String activityId = ActivityIds.of(request);
        ScheduledFuture<?> timeout = scheduler.schedule(() -> {
            if (response.resume(ErrorResponses.unavailable(activityId))) {
                LOG.warning(() -> "No answer within " + deadlineMillis + " ms, activityId=" + activityId);
            }
        }, deadlineMillis, TimeUnit.MILLISECONDS);
        Object result;
        try {
            result = work.get();
        } catch (RuntimeException | Error e) {
            if (timeout.cancel(false)) {
                response.resume(e);
            }
            return;
        }
        if (timeout.cancel(false)) {
            response.resume(result);
        }
    }
}
