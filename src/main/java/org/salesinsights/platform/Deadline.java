package org.salesinsights.platform;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextServiceDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.AsyncResponse;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers every call within a deadline, whatever the database does. The work runs on a managed executor while the
 * request waits suspended, so the container can send 503 with Retry-After (which the connector retries) at the
 * deadline instead of hanging until Microsoft's 5-second budget is gone. (Answering from a timer while the
 * request's own thread is blocked does not work: a servlet container completes an asynchronous request only
 * after its dispatch thread has returned.) A database call blocked on a dead network ends later by the driver's
 * own timeouts and its late result is dropped; calls still queued at their deadline are not run at all.
 *
 * <p>Only the application context (class loader, naming) travels to the worker: nothing here needs the caller's
 * transaction or security context, and capturing less keeps the hand-over cheap.
 */
@ApplicationScoped
@ContextServiceDefinition(name = Deadline.CONTEXT, propagated = ContextServiceDefinition.APPLICATION,
        cleared = ContextServiceDefinition.TRANSACTION, unchanged = ContextServiceDefinition.ALL_REMAINING)
@ManagedExecutorDefinition(name = Deadline.EXECUTOR, context = Deadline.CONTEXT, maxAsync = 32)
public class Deadline {

    static final String CONTEXT = "java:app/concurrent/InsightsReadContext";
    static final String EXECUTOR = "java:app/concurrent/InsightsReads";
    private static final Logger LOG = Logger.getLogger(Deadline.class.getName());

    @Resource(lookup = EXECUTOR)
    ManagedExecutorService executor;

    @Inject
    @ConfigProperty(name = "insights.request.deadline-ms", defaultValue = "1500")
    long deadlineMillis;

    /** Resumes {@code response} with what {@code work} returns, its failure, or 503 at the deadline. */
    public void answer(AsyncResponse response, HttpServletRequest request, Supplier<?> work) {
        String activityId = ActivityIds.of(request);
        response.setTimeout(deadlineMillis, TimeUnit.MILLISECONDS);
        response.setTimeoutHandler(late -> {
            LOG.warning(() -> "No answer within " + deadlineMillis + " ms, activityId=" + activityId);
            late.resume(ErrorResponses.unavailable(activityId));
        });
        try {
            executor.execute(() -> {
                if (response.isDone()) {
                    return;
                }
                try {
                    response.resume(work.get());
                } catch (RuntimeException | Error e) {
                    response.resume(e);
                }
            });
        } catch (RejectedExecutionException e) {
            response.resume(ErrorResponses.unavailable(activityId));
        }
    }
}
