package org.salesinsights.platform.errors;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.salesinsights.platform.requests.ActivityIds;

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
            return ErrorResponses.of(ErrorCode.INTERNAL_SERVER_ERROR, "The server failed to answer.", request);
        }
        Response.Status.Family family = Response.Status.Family.familyOf(status);
        if (family != Response.Status.Family.CLIENT_ERROR) {
            return e.getResponse(); // redirects and the like pass through as the runtime made them
        }
        Response answer = ErrorResponses.of(ErrorCode.ofStatus(status), reasonOf(status), request);
        return status == 401 ? Response.fromResponse(answer)
                .header("WWW-Authenticate", ErrorResponses.BEARER_CHALLENGE).build() : answer;
    }

    private static String reasonOf(int status) {
        Response.StatusType type = Response.Status.fromStatusCode(status);
        return type != null ? type.getReasonPhrase() + "." : "The request was refused.";
    }
}
