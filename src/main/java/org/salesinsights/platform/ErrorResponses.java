package org.salesinsights.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Builds the contract's error body, always JSON whatever the caller accepts. */
final class ErrorResponses {

    private ErrorResponses() {
    }

    static Response of(int status, String errorCode, String message, HttpServletRequest request) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(errorCode, message, ActivityIds.of(request)))
                .build();
    }
}
