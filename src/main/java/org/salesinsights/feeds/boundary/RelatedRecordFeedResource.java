package org.salesinsights.feeds.boundary;

import java.io.InputStream;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.salesinsights.feeds.control.FedRelatedRecordName;
import org.salesinsights.feeds.control.FedRelatedRecords;
import org.salesinsights.feeds.control.FeedCaller;
import org.salesinsights.feeds.control.RelatedRecordFeedParser;
import org.salesinsights.insights.boundary.PagingSettings;
import org.salesinsights.platform.errors.ApiError;
import org.salesinsights.platform.requests.RequestBodies;
import org.salesinsights.signin.boundary.SignedInCaller;

/**
 * The feed API for records related to CRM records (docs/feeds.md, Related records): an application creates, replaces
 * and deletes the related records of its source one at a time, or sends all of them for one CRM record as a snapshot.
 * Signed in and permitted as for insight feeds; safe to retry.
 */
@Path("feed/v1/sources/{source}/related-records")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Feeds")
@SecurityRequirement(name = SignedInCaller.SECURITY_SCHEME)
@APIResponse(responseCode = "400", description = "The request has problems; details lists them by field.",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = ApiError.SCHEMA)))
@APIResponse(responseCode = "401", description = "No valid bearer token.",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = ApiError.SCHEMA)))
@APIResponse(responseCode = "403", description = "Not an application's token, or the application may not feed the"
        + " organization.",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = ApiError.SCHEMA)))
@APIResponse(responseCode = "409", description = "The CRM record has a related record of that recordId that the"
        + " source does not feed (a curator's or another source's).",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = ApiError.SCHEMA)))
public class RelatedRecordFeedResource {

    /** One related record with its CRM record: short texts and at most ten properties. */
    static final int MAX_ITEM_BYTES = FeedResource.MAX_ITEM_BYTES;
    /** A snapshot of up to a thousand related records. */
    static final int MAX_SNAPSHOT_BYTES = FeedResource.MAX_BATCH_BYTES;
    private static final String EXAMPLE_CRM_RECORD = "\"crmRecord\": {\"crmType\": \"Dynamics 365\", \"orgUrl\":"
            + " \"contoso.crm.dynamics.com\", \"recordType\": \"opportunity\", \"recordId\":"
            + " \"d1c6a4e2-5f3b-4c8e-9a7d-2b1e0f6c3a91\"}";

    @Inject
    SignedInCaller caller;

    @Inject
    RelatedRecordFeeds feeds;

    @Inject
    PagingSettings paging;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @PUT
    @Path("{recordId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "FeedRelatedRecord", summary = "Create or replace a fed related record",
            description = "Relates the application's record (recordId, within the CRM record named by crmRecord) to"
                    + " the CRM record, or replaces what the feed owns of it: recordType, its display names,"
                    + " recordTitle, url, language and additionalProperties. The curators' priority is kept. A retry"
                    + " gets the same answer.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT, example = "{" + EXAMPLE_CRM_RECORD + ", \"recordType\":"
                    + " \"contract\", \"recordTypeDisplayName\": \"Contract\", \"recordTypePluralDisplayName\":"
                    + " \"Contracts\", \"recordTitle\": \"Master services agreement 2026\"}")))
    @APIResponse(responseCode = "201", description = "Created; ETag is its version.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FedRelatedRecordView.class)))
    @APIResponse(responseCode = "200", description = "Replaced, or already as sent; ETag is its version.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FedRelatedRecordView.class)))
    public Response put(@PathParam("source") String source, @PathParam("recordId") String recordId,
            InputStream body) {
        FeedCaller feeder = FeedResource.feeder(caller); // before the body is read: a refused caller's body never is
        FedRelatedRecords one = RelatedRecordFeedParser.parse(source, recordId,
                RequestBodies.utf8(body, RequestBodies.declaredLength(headers), MAX_ITEM_BYTES), paging.parser());
        RelatedRecordFeeds.Fed fed = FeedResource.retried(() -> feeds.put(feeder, one));
        return (fed.outcome() == RelatedRecordFeeds.Outcome.CREATED ? Response.created(uri.getAbsolutePath())
                : Response.ok()).entity(fed.relatedRecord())
                .tag(new EntityTag(String.valueOf(fed.relatedRecord().version()))).build();
    }

    @DELETE
    @Path("{recordId}")
    @Operation(operationId = "UnfeedRelatedRecord", summary = "Delete a fed related record",
            description = "Deletes the application's related record (recordId) of the CRM record named as the read"
                    + " actions name it (crmType, crmOrgUrl, recordType, recordId). One already gone is no failure:"
                    + " a retry also answers 204.")
    @APIResponse(responseCode = "204", description = "Deleted, or not there.")
    public void delete(@PathParam("source") String source, @PathParam("recordId") String recordId,
            @QueryParam("crmType") String crmType, @QueryParam("crmOrgUrl") String crmOrgUrl,
            @QueryParam("recordType") String crmRecordType, @QueryParam("recordId") String crmRecordId) {
        FeedCaller feeder = FeedResource.feeder(caller);
        FedRelatedRecordName name = RelatedRecordFeedParser.name(source, recordId, crmType, crmOrgUrl,
                crmRecordType, crmRecordId, paging.parser());
        FeedResource.retried(() -> {
            feeds.delete(feeder, name);
            return null;
        });
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "FeedRelatedRecordsSnapshot", summary = "Make a source's related records of a CRM"
            + " record these",
            description = "All of the source's related records of one CRM record (crmRecord), up to 1,000, each with"
                    + " the single PUT's fields and its recordId. They are created or replaced, and every other"
                    + " related record the source feeds there is deleted, in one transaction. All or nothing: one"
                    + " problem refuses the whole snapshot. An empty list deletes them all.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT, example = "{" + EXAMPLE_CRM_RECORD + ", \"relatedRecords\":"
                    + " [{\"recordId\": \"CT-2040\", \"recordType\": \"contract\", \"recordTypeDisplayName\":"
                    + " \"Contract\", \"recordTypePluralDisplayName\": \"Contracts\", \"recordTitle\":"
                    + " \"Master services agreement 2026\"}]}")))
    @APIResponse(responseCode = "200", description = "What the snapshot did, and its related records as they now"
            + " are.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FedRelatedRecordsView.class)))
    public FedRelatedRecordsView snapshot(@PathParam("source") String source, InputStream body) {
        FeedCaller feeder = FeedResource.feeder(caller);
        FedRelatedRecords snapshot = RelatedRecordFeedParser.parseSnapshot(source,
                RequestBodies.utf8(body, RequestBodies.declaredLength(headers), MAX_SNAPSHOT_BYTES),
                paging.parser());
        return FeedResource.retried(() -> feeds.sync(feeder, snapshot));
    }
}
