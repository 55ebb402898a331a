package org.salesinsights.platform.requests;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.ServletRequest;

/**
 * The activity id of a call: the caller's {@code x-ms-client-request-id} when it is a sane token, else one made
 * here. Kept as a request attribute so that error bodies and the log line carry the same id.
 */
public final class ActivityIds {

    public static final String HEADER = "x-ms-client-request-id";
    static final String ATTRIBUTE = ActivityIds.class.getName();

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:{}\\-]{1,128}");

    private ActivityIds() {
    }

    /** The caller's id if it is safe to echo and log, else a new random one. */
    public static String accept(String clientRequestId) {
        if (clientRequestId != null && SAFE.matcher(clientRequestId).matches()) {
            return clientRequestId;
        }
        return UUID.randomUUID().toString();
    }

    static void set(ServletRequest request, String activityId) {
        request.setAttribute(ATTRIBUTE, activityId);
    }

    /** The id the request filter chose, or null outside a request it saw. */
    public static String of(ServletRequest request) {
        return request == null ? null : (String) request.getAttribute(ATTRIBUTE);
    }
}
