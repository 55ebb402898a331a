package org.salesinsights.platform.errors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.salesinsights.platform.requests.ActivityIds;

/** Builds the contract's error body, always JSON whatever the caller accepts. */
public final class ErrorResponses {

    /** Seconds the caller should wait before retrying while the database is unavailable. */
    public static final String RETRY_AFTER_SECONDS = "2";
    /** The challenge of every 401: the caller's bearer token is missing or not acceptable (RFC 6750). */
    public static final String BEARER_CHALLENGE = "Bearer error=\"invalid_token\"";

    private ErrorResponses() {
    }

    public static Response of(ErrorCode errorCode, String message, HttpServletRequest request) {
        return of(errorCode, message, ActivityIds.of(request));
    }

    public static Response of(ErrorCode errorCode, String message, String activityId) {
        return Response.status(errorCode.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(errorCode.name(), message, activityId))
                .build();
    }

    /** 503 with Retry-After: the connector platform retries it. */
    public static Response unavailable(String activityId) {
        return Response.fromResponse(of(ErrorCode.SERVICE_UNAVAILABLE,
                "The insights store is unavailable; retry shortly.", activityId))
                .header("Retry-After", RETRY_AFTER_SECONDS)
                .build();
    }
}
