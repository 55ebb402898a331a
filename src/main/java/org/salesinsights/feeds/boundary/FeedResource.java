package org.salesinsights.feeds.boundary;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.salesinsights.feeds.control.FeedBatchParser;
import org.salesinsights.feeds.control.FeedCaller;
import org.salesinsights.feeds.control.FeedItem;
import org.salesinsights.feeds.control.FeedItemParser;
import org.salesinsights.feeds.control.FeedName;
import org.salesinsights.feeds.control.FeedOperation;
import org.salesinsights.feeds.control.FeedSnapshot;
import org.salesinsights.feeds.control.FeedSnapshotParser;
import org.salesinsights.insights.boundary.PagingSettings;
import org.salesinsights.platform.errors.ApiError;
import org.salesinsights.platform.errors.DatabaseFailures;
import org.salesinsights.platform.requests.RequestBodies;
import org.salesinsights.signin.boundary.SignedInCaller;
import org.salesinsights.signin.control.Caller;

/**
 * The feed API (docs/feeds.md): the partner's applications, signed in as themselves (app-only tokens with the feed
 * role), create, replace and delete insights by their own ids, {@code (source, externalId)}, idempotently: one at a
 * time, in batches of up to a thousand with a result per item, or as a snapshot of all of a source's insights of a
 * record or an organization. Only organizations of tenants whose registry entry lists the application can be fed.
 */
@Path("feed/v1")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Feeds", description = "For the partner's applications (app-only tokens with the Insights.Feed role).")
@SecurityRequirement(name = SignedInCaller.SECURITY_SCHEME)
@APIResponse(responseCode = "400", description = "The request has problems; details lists them by field.",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = ApiError.SCHEMA)))
@APIResponse(responseCode = "401", description = "No valid bearer token.",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = ApiError.SCHEMA)))
@APIResponse(responseCode = "403", description = "Not an application's token, or the application may not feed the"
        + " organization.",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = ApiError.SCHEMA)))
public class FeedResource {

    /** One insight with its record: short texts and at most ten properties. */
    static final int MAX_ITEM_BYTES = 64 * 1024;
    /** A batch or a snapshot: a thousand ordinary items take about 1 MB; room for large ones. */
    static final int MAX_BATCH_BYTES = 16 * 1024 * 1024;
    /** Concurrent feeds of one insight: the loser of a race reads the winner's row and tries again. */
    private static final int ATTEMPTS = 3;

    @Inject
    SignedInCaller caller;

    @Inject
    Feeds feeds;

    @Inject
    PagingSettings paging;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @PUT
    @Path("sources/{source}/insights/{externalId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "FeedInsight", summary = "Create or replace a fed insight",
            description = "Creates the insight the application names by source and externalId (and its record, when"
                    + " new), or replaces its content: title, description, url, dateTime, language, visibleFrom,"
                    + " visibleUntil and additionalProperties. Curators' choices (pinned, priority, hidden) are kept."
                    + " A retry gets the same answer.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT, example = "{\"crmType\": \"Dynamics 365\", \"crmOrgUrl\":"
                    + " \"https://contoso.crm.dynamics.com\", \"recordType\": \"opportunity\", \"recordId\":"
                    + " \"d1c6a4e2-5f3b-4c8e-9a7d-2b1e0f6c3a91\", \"title\": \"Quote sent\", \"description\":"
                    + " \"Quote Q-1001 went to procurement.\"}")))
    @APIResponse(responseCode = "201", description = "Created; ETag is its version.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FedInsightView.class)))
    @APIResponse(responseCode = "200", description = "Replaced, or already as sent; ETag is its version.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FedInsightView.class)))
    public Response put(@PathParam("source") String source, @PathParam("externalId") String externalId,
            InputStream body) {
        FeedCaller feeder = feeder(); // before the body is read: a refused caller's body never is
        FeedItem item = FeedItemParser.parse(source, externalId,
                RequestBodies.utf8(body, RequestBodies.declaredLength(headers), MAX_ITEM_BYTES), paging.parser());
        Feeds.Result result = retried(() -> feeds.put(feeder, item));
        return (result.outcome() == Feeds.Outcome.CREATED ? Response.created(uri.getAbsolutePath()) : Response.ok())
                .entity(result.insight()).tag(new EntityTag(String.valueOf(result.insight().version()))).build();
    }

    @DELETE
    @Path("sources/{source}/insights/{externalId}")
    @Operation(operationId = "UnfeedInsight", summary = "Delete a fed insight",
            description = "Deletes the insight the application names by source and externalId in the organization"
                    + " (crmType and crmOrgUrl). One already gone is no failure: a retry also answers 204.")
    @APIResponse(responseCode = "204", description = "Deleted, or not there.")
    public void delete(@PathParam("source") String source, @PathParam("externalId") String externalId,
            @QueryParam("crmType") String crmType, @QueryParam("crmOrgUrl") String crmOrgUrl) {
        FeedCaller feeder = feeder();
        FeedName name = FeedItemParser.name(source, externalId, crmType, crmOrgUrl);
        retried(() -> {
            feeds.delete(feeder, name);
            return null;
        });
    }

    @POST
    @Path("batches")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "FeedBatch", summary = "Create, replace and delete many fed insights",
            description = "Up to 1,000 items, each {\"action\": \"put\"} with the single PUT's body plus source and"
                    + " externalId, or {\"action\": \"delete\"} with source, externalId, crmType and crmOrgUrl. Each"
                    + " item is checked and done on its own (one bad item never stops the others) and gets the status"
                    + " the single call would have had; the items that pass are written in one transaction, so the"
                    + " whole batch can be sent again after any failure.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT, example = "{\"items\": [{\"action\": \"put\", \"source\":"
                    + " \"quotes\", \"externalId\": \"Q-1001\", \"crmOrgUrl\": \"contoso.crm.dynamics.com\","
                    + " \"recordType\": \"opportunity\", \"recordId\": \"d1c6a4e2-5f3b-4c8e-9a7d-2b1e0f6c3a91\","
                    + " \"title\": \"Quote sent\", \"description\": \"Quote Q-1001 went to procurement.\"}]}")))
    @APIResponse(responseCode = "200", description = "Every item's result, in the order sent.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeedResults.class)))
    public FeedResults batch(InputStream body) {
        FeedCaller feeder = feeder();
        List<FeedBatchParser.Entry> entries = FeedBatchParser.parse(
                RequestBodies.utf8(body, RequestBodies.declaredLength(headers), MAX_BATCH_BYTES), paging.parser());
        List<FeedOperation> operations = entries.stream().map(FeedBatchParser.Entry::operation)
                .filter(Objects::nonNull).toList();
        List<Feeds.Result> done = operations.isEmpty() ? List.of() : retried(() -> feeds.apply(feeder, operations));
        List<FeedResults.Item> items = new ArrayList<>();
        int next = 0;
        for (FeedBatchParser.Entry entry : entries) {
            items.add(entry.problem() != null
                    ? FeedResults.Item.refused(entry.index(), entry.source(), entry.externalId(), entry.problem())
                    : FeedResults.Item.of(entry.index(), entry.source(), entry.externalId(), done.get(next++)));
        }
        return FeedResults.of(items, 0);
    }

    @PUT
    @Path("sources/{source}/snapshot")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "FeedSnapshot", summary = "Make a source's insights of a record or organization these",
            description = "All of the source's insights for one record (crmType, crmOrgUrl, recordType, recordId) or"
                    + " for a whole organization (crmType, crmOrgUrl; each item names its record): up to 10,000"
                    + " items, each with its externalId and the single PUT's content. They are created or replaced,"
                    + " and every other insight of the source there is deleted, in one transaction. All or nothing:"
                    + " one problem refuses the whole snapshot.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT, example = "{\"crmType\": \"Dynamics 365\", \"crmOrgUrl\":"
                    + " \"contoso.crm.dynamics.com\", \"recordType\": \"opportunity\", \"recordId\":"
                    + " \"d1c6a4e2-5f3b-4c8e-9a7d-2b1e0f6c3a91\", \"items\": [{\"externalId\": \"Q-1001\","
                    + " \"title\": \"Quote sent\", \"description\": \"Quote Q-1001 went to procurement.\"}]}")))
    @APIResponse(responseCode = "200", description = "Every item's result, in the order sent, and how many insights"
            + " the snapshot deleted.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FeedResults.class)))
    public FeedResults snapshot(@PathParam("source") String source, InputStream body) {
        FeedCaller feeder = feeder();
        FeedSnapshot snapshot = FeedSnapshotParser.parse(source,
                RequestBodies.utf8(body, RequestBodies.declaredLength(headers), MAX_BATCH_BYTES), paging.parser());
        Feeds.Synced synced = retried(() -> feeds.sync(feeder, snapshot));
        List<FeedResults.Item> items = new ArrayList<>();
        for (int i = 0; i < snapshot.items().size(); i++) {
            items.add(FeedResults.Item.of(i, source, snapshot.items().get(i).name().externalId(),
                    synced.results().get(i)));
        }
        return FeedResults.of(items, synced.deleted());
    }

    private FeedCaller feeder() {
        return feeder(caller);
    }

    /** The application calling, refused unless it is one (an app-only token with the feed role). */
    static FeedCaller feeder(SignedInCaller caller) {
        Caller app = caller.requireApp();
        return new FeedCaller(app.appId(), app.tenantId(), caller.isPartnerTenant(app));
    }

    /**
     * The call, again if a concurrent feed of the same insight (or record) won a race for a unique key or a version:
     * the next attempt, a new transaction, finds what the winner wrote.
     */
    static <T> T retried(Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !DatabaseFailures.isConflict(e)) {
                    throw e;
                }
            }
        }
    }
}
