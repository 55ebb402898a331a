package org.salesinsights.platform.errors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.salesinsights.platform.requests.ApiHeaders;
import org.salesinsights.platform.requests.RequestLogFilter;

/**
 * The contract's error body written straight to the servlet response, for refusals made before JAX-RS runs (sign-in).
 * The answer is committed, so the container adds nothing of its own, and logged like every other call.
 */
public final class ServletErrors {

    private static final Jsonb JSONB = JsonbBuilder.create();

    private ServletErrors() {
    }

    public static void send(HttpServletRequest request, HttpServletResponse response, long startNanos,
            ErrorCode errorCode, String message) throws IOException {
        String activityId = write(request, response, errorCode.status(), errorCode, message);
        response.flushBuffer();
        RequestLogFilter.log(request, response, activityId, startNanos);
    }

    /**
     * The body and the headers every answer carries, without flushing or logging; returns the activity id. The status
     * is the code's, but for a server error the container had (a 502 stays a 502, as {@code INTERNAL_SERVER_ERROR}).
     */
    static String write(HttpServletRequest request, HttpServletResponse response, int status, ErrorCode errorCode,
            String message) throws IOException {
        String activityId = ApiHeaders.prepare(request, response);
        byte[] body = JSONB.toJson(new ApiError(errorCode.name(), message, activityId)).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
        return activityId;
    }
}
