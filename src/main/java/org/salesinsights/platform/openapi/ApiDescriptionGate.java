package org.salesinsights.platform.openapi;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

import org.salesinsights.platform.errors.ErrorCode;
import org.salesinsights.platform.errors.ErrorResponses;

/**
 * Nothing but the OpenAPI documents describes the API: the runtime's own descriptions are refused before any resource
 * is matched, for every caller. Jersey (Payara) answers {@code application.wadl} with a WADL of every resource, admin
 * ones included, and JAX-RS runtimes answer {@code OPTIONS} with the methods of a path (Jersey adds a WADL body):
 * here {@code application.wadl} is 404 and {@code OPTIONS} is 405, both with the contract's body. The API serves
 * no browser of another origin (the console is served from the same origin), so there is no CORS preflight to
 * answer; anonymous callers meet sign-in's 401 before this.
 */
@Provider
@PreMatching
public class ApiDescriptionGate implements ContainerRequestFilter {

    static final String WADL = "application.wadl";

    @Context
    HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext context) {
        if (HttpMethod.OPTIONS.equals(context.getMethod())) {
            context.abortWith(ErrorResponses.of(ErrorCode.METHOD_NOT_ALLOWED, "Method Not Allowed.", request));
            return;
        }
        String path = context.getUriInfo().getPath(false);
        String relative = path.startsWith("/") ? path.substring(1) : path;
        if (relative.equals(WADL) || relative.startsWith(WADL + "/") || relative.startsWith(WADL + ";")) {
            context.abortWith(ErrorResponses.of(ErrorCode.NOT_FOUND, "Not Found.", request));
        }
    }
}
