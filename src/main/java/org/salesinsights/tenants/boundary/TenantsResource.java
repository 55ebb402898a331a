package org.salesinsights.tenants.boundary;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;

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
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.salesinsights.platform.errors.ApiError;
import org.salesinsights.platform.errors.ApiException;
import org.salesinsights.platform.errors.ErrorCode;
import org.salesinsights.platform.requests.IfMatch;
import org.salesinsights.platform.requests.RequestBodies;
import org.salesinsights.signin.boundary.SignedInCaller;
import org.salesinsights.signin.control.TenantIds;
import org.salesinsights.tenants.control.TenantChangeParser;

/** The admins' registry of tenants: which Entra tenants may call, and the CRM organizations each owns. */
@Path("admin/v1/tenants")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration", description = "For the partner's curators (admin app role in the partner's tenant).")
@SecurityRequirement(name = SignedInCaller.SECURITY_SCHEME)
@APIResponse(responseCode = "401", description = "No valid bearer token.",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = ApiError.SCHEMA)))
@APIResponse(responseCode = "403", description = "The caller is not one of the partner's curators.",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = ApiError.SCHEMA)))
public class TenantsResource {

    @Inject
    SignedInCaller caller;

    @Inject
    Tenants tenants;

    @Inject
    TenantDirectory directory;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    /** A tenant's name and organizations: a few hundred organizations at most. */
    static final int MAX_TENANT_BYTES = 64 * 1024;

    @GET
    @Operation(operationId = "ListTenants", summary = "List the registered tenants",
            description = "Lists every registered tenant with the CRM organizations it owns.")
    @APIResponse(responseCode = "200", description = "The tenants.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TenantView[].class)))
    public List<TenantView> list() {
        caller.requireAdmin();
        return tenants.list();
    }

    @GET
    @Path("{tenantId}")
    @Operation(operationId = "GetTenant", summary = "Get a tenant",
            description = "Gets one registered tenant with the CRM organizations it owns.")
    @APIResponse(responseCode = "200", description = "The tenant.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TenantView.class)))
    @APIResponse(responseCode = "404", description = "No such tenant is registered.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = ApiError.SCHEMA)))
    public Response get(@PathParam("tenantId") String tenantId) {
        caller.requireAdmin();
        String id = id(tenantId);
        TenantView view = tenants.find(id).orElseThrow(() -> notRegistered(id));
        return Response.ok(view).tag(new EntityTag(String.valueOf(view.version()))).build();
    }

    @PUT
    @Path("{tenantId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "PutTenant", summary = "Register or change a tenant",
            description = "Registers the tenant, or replaces its name and the CRM organizations it owns, if If-Match"
                    + " names its current version. Organizations it no longer lists keep their insights but serve"
                    + " nobody.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(example = "{\"displayName\": \"Contoso\", \"organizations\": [{\"crmType\":"
                    + " \"Dynamics 365\", \"orgUrl\": \"https://contoso.crm.dynamics.com\"}]}")))
    @APIResponse(responseCode = "200", description = "The tenant as changed.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TenantView.class)))
    @APIResponse(responseCode = "201", description = "The tenant, newly registered.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TenantView.class)))
    @APIResponse(responseCode = "400", description = "The document has problems; details lists them by field.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = ApiError.SCHEMA)))
    @APIResponse(responseCode = "412", description = "Someone changed the tenant since (If-Match is stale), or"
            + " If-Match names a tenant that is not registered; nothing was changed.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = ApiError.SCHEMA)))
    @APIResponse(responseCode = "428", description = "A change of a registered tenant needs If-Match.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = ApiError.SCHEMA)))
    @APIResponse(responseCode = "409", description = "Another tenant owns one of the organizations.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = ApiError.SCHEMA)))
    public Response put(@PathParam("tenantId") String tenantId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            InputStream body) {
        caller.requireAdmin(); // before the body is read: a refused caller's body never is
        String id = id(tenantId);
        Optional<Long> version = IfMatch.version(ifMatch);
        boolean created = tenants.put(id, version,
                TenantChangeParser.parse(RequestBodies.utf8(body, RequestBodies.declaredLength(headers), MAX_TENANT_BYTES)));
        directory.registered(id);
        TenantView view = tenants.find(id).orElseThrow(() -> notRegistered(id));
        return (created ? Response.created(uri.getAbsolutePath()) : Response.ok()).entity(view)
                .tag(new EntityTag(String.valueOf(view.version()))).build();
    }

    @DELETE
    @Path("{tenantId}")
    @Operation(operationId = "DeleteTenant", summary = "Remove a tenant",
            description = "Removes the tenant: its users are refused from now on. Its organizations and their"
                    + " insights stay, owned by nobody.")
    @APIResponse(responseCode = "204", description = "Removed.")
    @APIResponse(responseCode = "412", description = "Someone changed the tenant since; nothing was removed.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = ApiError.SCHEMA)))
    @APIResponse(responseCode = "428", description = "Removing a tenant needs If-Match.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = ApiError.SCHEMA)))
    @APIResponse(responseCode = "404", description = "No such tenant is registered.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = ApiError.SCHEMA)))
    public void delete(@PathParam("tenantId") String tenantId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        caller.requireAdmin();
        String id = id(tenantId);
        if (!tenants.delete(id, IfMatch.version(ifMatch))) {
            throw notRegistered(id);
        }
        directory.removed(id);
    }

    private static String id(String tenantId) {
        return TenantIds.normalize(tenantId).orElseThrow(() -> new ApiException(ErrorCode.INVALID_PARAMETER,
                "Parameter 'tenantId' must be an Entra tenant id (a GUID)."));
    }

    private static ApiException notRegistered(String tenantId) {
        return new ApiException(ErrorCode.NOT_FOUND, "No tenant " + tenantId + " is registered.");
    }
}
