package org.salesinsights.platform.requests;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextServiceDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.salesinsights.platform.errors.ErrorResponses;

/**
 * Answers every call within a deadline, whatever the database does. The work runs on a managed executor while the
 * request's thread waits for it, at most until the deadline; then it answers 503 with Retry-After (which the
 * connector retries) instead of hanging until Microsoft's 5-second budget is gone. A database call blocked on a
 * dead network ends later by the driver's own timeouts and its late result is dropped; calls still queued at their
 * deadline are not run at all.
 *
 * <p>The request is not suspended (no asynchronous servlet processing, which costs as much as a cached answer), and
 * only what needs the database comes here: a cached answer is sent on the request's own thread.
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

    /** How long a request may take before it is answered 503 (insights.request.deadline-ms). */
    public long millis() {
        return deadlineMillis;
    }

    /** What {@code work} answers, its failure (for the exception mappers), or 503 at the deadline. */
    public Response call(HttpServletRequest request, Supplier<Response> work) {
        String activityId = ActivityIds.of(request);
        Future<Response> answer;
        try {
            answer = executor.submit(work::get);
        } catch (RejectedExecutionException e) {
            return ErrorResponses.unavailable(activityId);
        }
        try {
            return answer.get(deadlineMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(false); // not run if still queued; a running one finishes and is dropped
            LOG.warning(() -> "No answer within " + deadlineMillis + " ms, activityId=" + activityId);
            return ErrorResponses.unavailable(activityId);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            answer.cancel(false);
            Thread.currentThread().interrupt();
            return ErrorResponses.unavailable(activityId);
        }
    }
}
