package org.salesinsights.platform.requests;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The headers every API answer carries, set once per request: the echoed activity id, no caching of per-user
 * data, no content sniffing. Sign-in runs before the servlet filters and answers refusals itself, so it sets
 * them too; whoever comes first chooses the activity id.
 */
public final class ApiHeaders {

    private ApiHeaders() {
    }

    /** The request's activity id, chosen and echoed on the first call. */
    public static String prepare(HttpServletRequest request, HttpServletResponse response) {
        String activityId = ActivityIds.of(request);
        if (activityId == null) {
            activityId = ActivityIds.accept(request.getHeader(ActivityIds.HEADER));
            ActivityIds.set(request, activityId);
        }
        response.setHeader(ActivityIds.HEADER, activityId);
        response.setHeader("Cache-Control", "private, no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        return activityId;
    }
}
