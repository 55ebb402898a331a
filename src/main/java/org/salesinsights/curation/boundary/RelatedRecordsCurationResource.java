package org.salesinsights.curation.boundary;

import java.io.InputStream;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
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
import org.salesinsights.curation.control.RelatedRecordDocumentParser;
import org.salesinsights.insights.boundary.OpportunityInsights;
import org.salesinsights.insights.boundary.PagingSettings;
import org.salesinsights.insights.control.CrmRecordKey;
import org.salesinsights.insights.control.InsightsQuery;
import org.salesinsights.platform.errors.ApiException;
import org.salesinsights.platform.errors.ErrorCode;
import org.salesinsights.platform.requests.RequestBodies;
import org.salesinsights.signin.boundary.SignedInCaller;

/**
 * The curators' API for the records related to a CRM record (the Sales app's CRM record details): the CRM record's
 * list, and a new one; {@link RelatedRecordCurationResource} reads, changes and deletes one. The insights' conventions:
 * the version as ETag, If-Match on every change (428 without it, 412 when stale), every problem of a document by
 * field.
 */
@Path("admin/v1/records/{recordId}/related-records")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration", description = "For the partner's curators (admin app role in the partner's tenant).")
@SecurityRequirement(name = SignedInCaller.SECURITY_SCHEME)
public class RelatedRecordsCurationResource {

    /** A related record: short texts and a few properties. */
    static final int MAX_DOCUMENT_BYTES = 64 * 1024;

    @Inject
    SignedInCaller caller;

    @Inject
    RelatedRecordCuration curation;

    @Inject
    Curation records;

    @Inject
    OpportunityInsights insights;

    @Inject
    PagingSettings paging;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @GET
    @Operation(operationId = "ListRelatedRecords", summary = "List the related records of a record",
            description = "Lists the records related to the CRM record, in the order sellers see them.")
    public List<RelatedRecordView> relatedRecords(@PathParam("recordId") long recordId) {
        caller.requireAdmin();
        return curation.relatedRecords(recordId);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT, example = "{\"recordId\": \"C-2026-0912\", \"recordType\":"
                    + " \"contract\", \"recordTypeDisplayName\": \"Contract\", \"recordTypePluralDisplayName\":"
                    + " \"Contracts\", \"recordTitle\": \"Renewal contract 2026\", \"url\":"
                    + " \"https://hub.example.com/contracts/C-2026-0912\", \"additionalProperties\": {\"Status\":"
                    + " \"Signed\"}}")))
    @Operation(operationId = "CreateRelatedRecord", summary = "Create a related record",
            description = "Creates a record related to the CRM record; every problem of the document is listed by"
                    + " field. Its recordId is unique within the CRM record (409 otherwise).")
    @APIResponse(responseCode = "201", description = "Created; ETag is its version.")
    public Response create(@PathParam("recordId") long recordId, InputStream body) {
        String by = caller.requireAdmin().objectId();
        RelatedRecordView created = curation.save(recordId, RelatedRecordDocumentParser.parse(body(body)), null, by,
                RelatedRecordCuration.Mode.REFUSE).view();
        return tagged(Response.created(uri.getBaseUriBuilder().path("admin/v1/related-records/{id}")
                .build(created.id())), created);
    }

    @GET
    @Path("preview")
    @Operation(operationId = "PreviewRelatedRecords", summary = "What sellers see of the related records",
            description = "The record details action's answer for the CRM record, as its organization's sellers get"
                    + " it now: what the console's card preview shows.")
    @APIResponse(responseCode = "409", description = "The record's organization belongs to no tenant: no seller"
            + " sees its related records.")
    public Response preview(@PathParam("recordId") long recordId, @QueryParam("top") String top) {
        caller.requireAdmin();
        Curation.Readers readers = records.readers(recordId);
        String tenantId = readers.tenantId().orElseThrow(() -> new ApiException(ErrorCode.CONFLICT, "The record's"
                + " organization belongs to no tenant, so no seller sees its related records; register it with a"
                + " tenant."));
        CrmRecordKey record = readers.record();
        InsightsQuery query = paging.parser().parse(record.recordType(), record.recordId(), record.crmType().label(),
                record.orgHost().orElseThrow(), top, null);
        return insights.findRelated(tenantId, query).response();
    }

    private String body(InputStream body) {
        return RequestBodies.utf8(body, RequestBodies.declaredLength(headers), MAX_DOCUMENT_BYTES);
    }

    private static Response tagged(Response.ResponseBuilder answer, RelatedRecordView related) {
        return answer.tag(new EntityTag(String.valueOf(related.version()))).entity(related).build();
    }
}
