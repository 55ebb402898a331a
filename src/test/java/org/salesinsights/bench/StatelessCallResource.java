package org.salesinsights.bench;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The constant baseline plus one part of the action's path: the call of a {@code @Stateless} bean
 * ({@link StatelessConstant}) from a request-scoped resource that injects it, as the action's resource injects
 * {@code OpportunityInsights}. Unlike the action, the call is made on the request thread (no executor) and its
 * transaction holds no database connection.
 */
@Path("parts/ejb/v1/opportunity-insights")
@RequestScoped
public class StatelessCallResource {

    @Inject
    StatelessConstant bean;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public byte[] get() {
        return bean.answer();
    }
}
