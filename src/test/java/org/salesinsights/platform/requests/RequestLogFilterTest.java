package org.salesinsights.platform.requests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RequestLogFilterTest {

    private final Logger log = Logger.getLogger("org.salesinsights.requests");
    private final List<String> lines = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        log.addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        log.removeHandler(capture);
    }

    @Test
    void oneLinePerCallWithIdAgentStatusAndLatency() throws Exception {
        Map<String, String> responseHeaders = new HashMap<>();
        Map<String, Object> attributes = new HashMap<>();
        int[] status = {200};
        HttpServletRequest request = request(Map.of("x-ms-client-request-id", "req-42",
                "x-ms-user-agent", "sales-copilot"), attributes);
        HttpServletResponse response = response(responseHeaders, status);

        new RequestLogFilter().doFilter(request, response, (req, res) -> {
            assertEquals("req-42", ActivityIds.of(req), "the id is known while the call runs");
            status[0] = 404;
        });

        assertEquals("req-42", responseHeaders.get("x-ms-client-request-id"));
        assertEquals("nosniff", responseHeaders.get("X-Content-Type-Options"));
        assertTrue(responseHeaders.get("Cache-Control").contains("no-store"));
        assertEquals(1, lines.size());
        String line = lines.get(0);
        assertTrue(line.matches("GET /api/v1/opportunity-insights status=404 latencyMs=\\d+\\.\\d{3}"
                + " activityId=req-42 userAgent=sales-copilot"), line);
    }

    @Test
    void aCallWithoutIdGetsOneAndIsLoggedEvenWhenItFails() {
        Map<String, String> responseHeaders = new HashMap<>();
        HttpServletRequest request = request(Map.of(), new HashMap<>());
        try {
            new RequestLogFilter().doFilter(request, response(responseHeaders, new int[] {500}), (req, res) -> {
                throw new IllegalStateException("boom");
            });
        } catch (Exception expected) {
            // the container answers; the line is still written
        }
        String id = responseHeaders.get("x-ms-client-request-id");
        assertEquals(36, id.length());
        assertEquals(1, lines.size());
        assertTrue(lines.get(0).contains("activityId=" + id + " userAgent=-"), lines.get(0));
    }

    @Test
    void successfulReadsAreLeftToTheProxysAccessLogUnlessAsked() throws Exception {
        HttpServletRequest read = request(Map.of("x-ms-client-request-id", "read-1"), new HashMap<>());
        new RequestLogFilter().doFilter(read, response(new HashMap<>(), new int[] {200}), (req, res) -> { });
        assertEquals(List.of(), lines, "a fast, successful read is not logged by default");

        RequestLogFilter everyRead = new RequestLogFilter();
        everyRead.everyRead = true;
        everyRead.doFilter(read, response(new HashMap<>(), new int[] {200}), (req, res) -> { });
        assertEquals(1, lines.size());
        assertTrue(lines.get(0).startsWith("GET /api/v1/opportunity-insights status=200 "), lines.get(0));
    }

    @Test
    void changesAndSlowReadsAreLoggedEvenWhenTheySucceed() throws Exception {
        HttpServletRequest change = request(Map.of(), new HashMap<>(), "PUT");
        new RequestLogFilter().doFilter(change, response(new HashMap<>(), new int[] {200}), (req, res) -> { });
        assertEquals(1, lines.size());
        assertTrue(lines.get(0).startsWith("PUT /api/v1/opportunity-insights status=200 "), lines.get(0));

        long anHourAgo = System.nanoTime() - 3_600_000_000_000L;
        assertTrue(RequestLogFilter.isWorthALook(request(Map.of(), new HashMap<>()),
                response(new HashMap<>(), new int[] {200}), anHourAgo), "a slow read");
        assertFalse(RequestLogFilter.isWorthALook(request(Map.of(), new HashMap<>(), "HEAD"),
                response(new HashMap<>(), new int[] {304}), System.nanoTime()));
    }

    private static HttpServletRequest request(Map<String, String> headers, Map<String, Object> attributes) {
        return request(headers, attributes, "GET");
    }

    private static HttpServletRequest request(Map<String, String> headers, Map<String, Object> attributes,
            String httpMethod) {
        return (HttpServletRequest) Proxy.newProxyInstance(RequestLogFilterTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getHeader" -> headers.get((String) args[0]);
                    case "getMethod" -> httpMethod;
                    case "getRequestURI" -> "/api/v1/opportunity-insights";
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "isAsyncStarted" -> false;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static HttpServletResponse response(Map<String, String> headers, int[] status) {
        return (HttpServletResponse) Proxy.newProxyInstance(RequestLogFilterTest.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                    case "getStatus" -> status[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
