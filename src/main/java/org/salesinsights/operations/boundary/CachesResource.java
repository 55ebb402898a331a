package org.salesinsights.operations.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.salesinsights.changes.boundary.ChangeLog;
import org.salesinsights.changes.boundary.DatabaseContact;
import org.salesinsights.insights.boundary.AnswerCache;
import org.salesinsights.platform.CacheFigures;
import org.salesinsights.platform.errors.ApiError;
import org.salesinsights.signin.boundary.SignIn;
import org.salesinsights.signin.boundary.SignedInCaller;

/**
 * The caches, for operators: what they hold and how often they answered (this node's figures), and a flush of
 * every node's, for after a change made with SQL behind the service's back.
 */
@Path("admin/v1/caches")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration", description = "For the partner's curators (admin app role in the partner's tenant).")
@SecurityRequirement(name = SignedInCaller.SECURITY_SCHEME)
@APIResponse(responseCode = "401", description = "No valid bearer token.",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = ApiError.SCHEMA)))
@APIResponse(responseCode = "403", description = "The caller is not one of the partner's curators.",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = ApiError.SCHEMA)))
public class CachesResource {

    @Inject
    SignedInCaller caller;

    @Inject
    AnswerCache answers;

    @Inject
    SignIn signIn;

    @Inject
    DatabaseContact feed;

    @Inject
    ChangeLog changeLog;

    /**
     * This node's caches.
     *
     * @param databaseAnsweredMillisAgo when the change log last answered this node's poll
     */
    public record CachesView(CacheFigures answers, CacheFigures tokens, long databaseAnsweredMillisAgo) {
    }

    @GET
    @Operation(operationId = "GetCaches", summary = "Show this node's caches",
            description = "The read answers' and the verified tokens' caches of the node that answers: size, bound,"
                    + " hits, misses, evictions since it started, and how long ago the database last answered its"
                    + " poll of the change log.")
    @APIResponse(responseCode = "200", description = "The caches.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CachesView.class)))
    public CachesView caches() {
        caller.requireAdmin();
        return new CachesView(answers.figures(), signIn.tokenCacheFigures(),
                Math.min(feed.sinceDatabaseAnswered().toMillis(), Integer.MAX_VALUE));
    }

    @POST
    @Path("flush")
    @Operation(operationId = "FlushCaches", summary = "Flush every node's read cache",
            description = "Every node drops its cached answers and reads the tenant registry again within a second:"
                    + " for after a change made to the database with SQL, which the service cannot see.")
    @APIResponse(responseCode = "204", description = "Flushed; every node follows within a second.")
    public void flush() {
        caller.requireAdmin();
        changeLog.flush();
    }
}
