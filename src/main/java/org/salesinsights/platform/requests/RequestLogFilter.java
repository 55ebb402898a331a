package org.salesinsights.platform.requests;

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

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * One log line per API call worth a look (method, path, status, latency, activity id, the caller's x-ms-user-agent)
 * and the headers every answer carries: the echoed activity id, no caching of per-user data, no content sniffing.
 *
 * <p>Worth a look: every refusal and failure (status 400 and above), every change (any method but GET and HEAD),
 * and every read slower than {@link #SLOW_MILLIS}. Successful reads are the sellers' traffic, thousands a minute,
 * which the reverse proxy's access log holds; written through the server's log formatter their lines took 11% of
 * a cached answer's CPU (the benchmark's {@code requestlog} part: up to a tenth of a constant answer's throughput).
 * {@code insights.request-log.reads=true} logs them too.
 */
@WebFilter(filterName = "RequestLogFilter", urlPatterns = "/api/*", asyncSupported = true)
public class RequestLogFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger("org.salesinsights.requests");
    static final String USER_AGENT_HEADER = "x-ms-user-agent";
    private static final int MAX_LOGGED_USER_AGENT = 100;
    /** A read that took this long is logged even when it succeeded. */
    static final long SLOW_MILLIS = 1000;

    static final String EVERY_READ = "insights.request-log.reads";

    /** Whether successful reads are logged too. */
    boolean everyRead;

    /** Read from the configuration, not injected: a filter needs no CDI to log (the benchmark's parts have none). */
    @Override
    public void init() {
        everyRead = ConfigProvider.getConfig().getOptionalValue(EVERY_READ, Boolean.class).orElse(false);
    }

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
                request.getAsyncContext()
                        .addListener(new LogWhenDone(request, response, activityId, start, everyRead));
            }
        } finally {
            if (!asynchronous && (everyRead || isWorthALook(request, response, start))) {
                log(request, response, activityId, start);
            }
        }
    }

    /** A refusal, a failure, a change or a slow read: see the class's description. */
    static boolean isWorthALook(HttpServletRequest request, HttpServletResponse response, long start) {
        String method = request.getMethod();
        return response.getStatus() >= 400 || !("GET".equals(method) || "HEAD".equals(method))
                || System.nanoTime() - start >= SLOW_MILLIS * 1_000_000;
    }

    public static void log(HttpServletRequest request, HttpServletResponse response, String activityId, long start) {
        if (!LOG.isLoggable(Level.INFO)) {
            return;
        }
        long micros = (System.nanoTime() - start) / 1_000;
        long fraction = micros % 1000;
        // appended, not String.format: this runs on every call, and format's parsing cost more than the rest
        StringBuilder line = new StringBuilder(160).append(request.getMethod()).append(' ');
        appendPrintable(line, request.getRequestURI(), 200);
        line.append(" status=").append(response.getStatus()).append(" latencyMs=").append(micros / 1000)
                .append(fraction < 10 ? ".00" : fraction < 100 ? ".0" : ".").append(fraction)
                .append(" activityId=").append(activityId).append(" userAgent=");
        appendPrintable(line, request.getHeader(USER_AGENT_HEADER), MAX_LOGGED_USER_AGENT);
        LOG.info(line.toString());
    }

    /** Writes the line once the asynchronous answer is complete. */
    private record LogWhenDone(HttpServletRequest request, HttpServletResponse response, String activityId,
            long start, boolean everyRead) implements AsyncListener {

        @Override
        public void onComplete(AsyncEvent event) {
            if (everyRead || isWorthALook(request, response, start)) {
                log(request, response, activityId, start);
            }
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
        return appendPrintable(new StringBuilder(), value, max).toString();
    }

    private static StringBuilder appendPrintable(StringBuilder out, String value, int max) {
        if (value == null) {
            return out.append('-');
        }
        int begin = out.length();
        int length = Math.min(value.length(), max);
        boolean spaced = length == 0;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            spaced |= c == ' ';
            out.append(Character.isISOControl(c) || c == '"' ? '?' : c);
        }
        return spaced ? out.insert(begin, '"').append('"') : out;
    }
}
