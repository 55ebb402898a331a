package org.salesinsights.it;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/**
 * Deployed by the integration tests only: fails the way a bug would, with server detail in the exception, so the
 * tests can check that none of it reaches the caller.
 */
@Path("test-only/failure")
@RequestScoped
public class FailureProbeResource {

    static final String SECRET = "jdbc:secret-detail@db.internal:5432";

    @GET
    public String fail() {
        throw new IllegalStateException("Connection to " + SECRET + " failed");
    }
}
