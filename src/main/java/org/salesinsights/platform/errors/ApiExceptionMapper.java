package org.salesinsights.platform.errors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.salesinsights.platform.requests.ActivityIds;

/** Failures the caller should see as they are: their status, code and message. */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<ApiException> {

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(ApiException e) {
        Response.ResponseBuilder answer = Response.status(e.status());
        if (e.status() == 401) {
            answer.header("WWW-Authenticate", ErrorResponses.BEARER_CHALLENGE);
        }
        return answer
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(e.errorCode().name(), e.getMessage(), ActivityIds.of(request), e.details()))
                .build();
    }
}
