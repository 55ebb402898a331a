package org.salesinsights.connector.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.salesinsights.platform.errors.ApiError;
import org.salesinsights.signin.boundary.SignedInCaller;

/**
 * What the Power Platform connector calls when a connection is made or checked: it answers 200 only when the
 * caller's token is valid and its tenant is registered (sign-in refuses everything else first).
 */
@Path("v1/test-connection")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Connection", description = "For the connector's connection check.")
public class TestConnectionResource {

    @Inject
    SignedInCaller caller;

    /** The answer: the connection works. */
    @Schema(name = "ConnectionStatus", requiredProperties = "status")
    @JsonbPropertyOrder({"status"})
    public record ConnectionStatus(
            @Schema(extensions = @Extension(name = "x-ms-summary", value = "Status"),
                    description = "The state of the connection: connected.")
            String status) {
    }

    @GET
    @SecurityRequirement(name = SignedInCaller.SECURITY_SCHEME)
    @Operation(operationId = "TestConnection", summary = "Test the connection",
            description = "Checks that the connection signs in and that the caller's organization is registered.",
            extensions = @Extension(name = "x-ms-visibility", value = "internal"))
    @APIResponse(responseCode = "200", description = "The connection works.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ConnectionStatus.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token (INVALID_TOKEN_SPECIFIED).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = ApiError.SCHEMA)))
    @APIResponse(responseCode = "403", description = "The caller's tenant is not registered"
            + " (INSUFFICIENT_PERMISSIONS).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = ApiError.SCHEMA)))
    public ConnectionStatus test() {
        caller.requireCustomer(); // signed in, of a registered tenant (a partner's own tenant is not a customer)
        return new ConnectionStatus("connected");
    }
}
