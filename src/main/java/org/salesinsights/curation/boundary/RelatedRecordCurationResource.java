package org.salesinsights.curation.boundary;

import java.io.InputStream;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.salesinsights.curation.control.RelatedRecordDocumentParser;
import org.salesinsights.platform.requests.IfMatch;
import org.salesinsights.platform.requests.RequestBodies;
import org.salesinsights.signin.boundary.SignedInCaller;

/**
 * The curators' API for one record related to a CRM record: read, change, delete, as
 * {@link RelatedRecordsCurationResource} says.
 */
@Path("admin/v1/related-records/{id}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration", description = "For the partner's curators (admin app role in the partner's tenant).")
@SecurityRequirement(name = SignedInCaller.SECURITY_SCHEME)
public class RelatedRecordCurationResource {

    @Inject
    SignedInCaller caller;

    @Inject
    RelatedRecordCuration curation;

    @Context
    HttpHeaders headers;

    @GET
    @Operation(operationId = "GetRelatedRecord", summary = "Get a related record",
            description = "Gets one related record; its ETag is the version to send back in If-Match.")
    public Response relatedRecord(@PathParam("id") long id) {
        caller.requireAdmin();
        return tagged(Response.ok(), curation.relatedRecord(id));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT)))
    @Operation(operationId = "UpdateRelatedRecord", summary = "Change a related record",
            description = "Replaces the related record, if If-Match names its current version.")
    @APIResponse(responseCode = "412", description = "Someone changed it since; nothing was changed.")
    @APIResponse(responseCode = "428", description = "If-Match is missing.")
    public Response update(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            InputStream body) {
        String by = caller.requireAdmin().objectId();
        long version = IfMatch.required(ifMatch);
        return tagged(Response.ok(), curation.update(id, version, RelatedRecordDocumentParser.parse(body(body)), by));
    }

    @DELETE
    @Operation(operationId = "DeleteRelatedRecord", summary = "Delete a related record",
            description = "Deletes the related record, if If-Match names its current version.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    public void delete(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        caller.requireAdmin();
        curation.delete(id, IfMatch.required(ifMatch));
    }

    private String body(InputStream body) {
        return RequestBodies.utf8(body, RequestBodies.declaredLength(headers), RelatedRecordsCurationResource.MAX_DOCUMENT_BYTES);
    }

    private static Response tagged(Response.ResponseBuilder answer, RelatedRecordView related) {
        return answer.tag(new EntityTag(String.valueOf(related.version()))).entity(related).build();
    }
}
