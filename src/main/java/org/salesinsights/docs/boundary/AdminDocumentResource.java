package org.salesinsights.docs.boundary;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.salesinsights.platform.errors.ApiException;
import org.salesinsights.platform.errors.ErrorCode;
import org.salesinsights.signin.boundary.SignedInCaller;

/**
 * The whole API's OpenAPI document, curators' operations included, for curators only. The public document
 * ({@code /openapi}) holds the connector's operations alone (see {@code OpenApiCleanup}); this one is what SmallRye
 * OpenAPI (the implementation both servers use) reads from the same annotations at build time, packaged in the WAR.
 */
@Path("admin/v1/openapi")
@RequestScoped
public class AdminDocumentResource {

    static final String DOCUMENT = "/WEB-INF/openapi/openapi.json";

    @Inject
    SignedInCaller caller;

    @Context
    ServletContext servlet;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public byte[] document() {
        caller.requireAdmin();
        try (InputStream in = servlet.getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new ApiException(ErrorCode.NOT_FOUND, "This build carries no API document.");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
