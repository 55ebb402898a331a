package org.salesinsights.bench;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.salesinsights.platform.requests.Deadline;

/**
 * The constant baseline plus one part of the action's path on a cache miss: the hand-off to the managed executor.
 * The constant body comes from a worker of the application's own {@link Deadline} (its managed executor definition
 * and deadline; bench/run.sh copies the class into the baseline WAR) while the request's thread waits, from a
 * request-scoped resource with injected fields, as the action's resource is.
 *
 * <p>Nothing else of the action is here: no token, no database, no JSON-B (the body is the saved bytes).
 */
@Path("parts/executor/v1/opportunity-insights")
@RequestScoped
public class ExecutorHandOffResource {

    @Inject
    Deadline deadline;

    @Context
    HttpServletRequest request;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get() {
        return deadline.call(request, () -> Response.ok(ConstantInsightsResource.constant()).build());
    }
}
