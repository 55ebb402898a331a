package org.salesinsights.platform;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * One log line per API call (method, path, status, latency, activity id, the caller's x-ms-user-agent) and the
 * headers every answer carries: the echoed activity id, no caching of per-user data, no content sniffing.
 */
@WebFilter(filterName = "RequestLogFilter", urlPatterns = "/api/*", asyncSupported = true)
public class RequestLogFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger("org.salesinsights.requests");
    static final String USER_AGENT_HEADER = "x-ms-user-agent";
    private static final int MAX_LOGGED_USER_AGENT = 100;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long start = System.nanoTime();
        String activityId = ApiHeaders.prepare(request, response);
        boolean asynchronous = false;
        try {
            chain.doFilter(request, response);
            asynchronous = request.isAsyncStarted();
            if (asynchronous) {
                // the answer comes later, from another thread: log it then
                request.getAsyncContext().addListener(new LogWhenDone(request, response, activityId, start));
            }
        } finally {
            if (!asynchronous) {
                log(request, response, activityId, start);
            }
        }
    }

    static void log(HttpServletRequest request, HttpServletResponse response, String activityId, long start) {
        long micros = (System.nanoTime() - start) / 1_000;
        if (LOG.isLoggable(Level.INFO)) {
            LOG.info(String.format("%s %s status=%d latencyMs=%d.%03d activityId=%s userAgent=%s",
                    request.getMethod(), printable(request.getRequestURI(), 200), response.getStatus(),
                    micros / 1000, micros % 1000, activityId,
                    printable(request.getHeader(USER_AGENT_HEADER), MAX_LOGGED_USER_AGENT)));
        }
    }

    /** Writes the line once the asynchronous answer is complete. */
    private record LogWhenDone(HttpServletRequest request, HttpServletResponse response, String activityId,
            long start) implements AsyncListener {

        @Override
        public void onComplete(AsyncEvent event) {
            log(request, response, activityId, start);
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            // onComplete follows
        }

        @Override
        public void onError(AsyncEvent event) {
            // onComplete follows
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            event.getAsyncContext().addListener(this);
        }
    }

    /** Caller-supplied text made safe for a one-line log: no control characters, bounded, quoted if spaced. */
    public static String printable(String value, int max) {
        if (value == null) {
            return "-";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), max));
        for (int i = 0; i < value.length() && out.length() < max; i++) {
            char c = value.charAt(i);
            out.append(Character.isISOControl(c) || c == '"' ? '?' : c);
        }
        String text = out.toString();
        return text.indexOf(' ') >= 0 || text.isEmpty() ? '"' + text + '"' : text;
    }
}
