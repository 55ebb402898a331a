package org.salesinsights.platform;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The JAX-RS runtime's own refusals (unknown path, wrong method, unacceptable media type) in the contract's
 * error body. The exception's message is never shown: it may hold server detail.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    private static final Logger LOG = Logger.getLogger(WebApplicationExceptionMapper.class.getName());

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.log(Level.SEVERE, "Server failure, activityId=" + ActivityIds.of(request), e);
            return ErrorResponses.of(500, "INTERNAL_SERVER_ERROR", "The server failed to answer.", request);
        }
        Response.Status.Family family = Response.Status.Family.familyOf(status);
        if (family != Response.Status.Family.CLIENT_ERROR) {
            return e.getResponse(); // redirects and the like pass through as the runtime made them
        }
        Response answer = ErrorResponses.of(status, codeOf(status), reasonOf(status), request);
        return status == 401 ? Response.fromResponse(answer)
                .header("WWW-Authenticate", ErrorResponses.BEARER_CHALLENGE).build() : answer;
    }

    static String codeOf(int status) {
        return switch (status) {
            case 401 -> "INVALID_TOKEN_SPECIFIED";
            case 403 -> "INSUFFICIENT_PERMISSIONS";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 408 -> "REQUEST_TIMEOUT";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 414 -> "URI_TOO_LONG";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 429 -> "REQUEST_THROTTLED";
            case 431 -> "REQUEST_HEADER_FIELDS_TOO_LARGE";
            default -> "BAD_REQUEST";
        };
    }

    private static String reasonOf(int status) {
        Response.StatusType type = Response.Status.fromStatusCode(status);
        return type != null ? type.getReasonPhrase() + "." : "The request was refused.";
    }
}
