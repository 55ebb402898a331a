package org.salesinsights.bench;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.salesinsights.platform.Deadline;

/**
 * The constant baseline plus one part of the action's path: the hand-off to the managed executor. The request is
 * suspended and resumed with the constant body from a worker by the application's own {@link Deadline} (its managed
 * executor definition, timeout handler and all; bench/run.sh copies the class into the baseline WAR), from a
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
    public void get(@Suspended AsyncResponse response) {
        deadline.answer(response, request, ConstantInsightsResource::constant);
    }
}
