package org.salesinsights.signin.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesinsights.signin.control.Caller;

/** The mechanism as the container calls it: what it answers, what it logs, and what it never logs. */
class EntraBearerAuthenticationTest {

    private static final String FABRIKAM = "fab00000-0000-4000-a000-000000000002";
    private static final String STRANGER = "0e0e0e0e-0000-4000-a000-000000000009";

    private final Logger log = Logger.getLogger("org.salesinsights");
    private final List<String> lines = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(String.valueOf(record.getMessage()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private final EntraBearerAuthentication mechanism = new EntraBearerAuthentication();
    private final Map<String, Object> attributes = new HashMap<>();
    private final Map<String, String> responseHeaders = new HashMap<>();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final int[] status = {200};
    private final List<Object> logins = new ArrayList<>();

    @BeforeEach
    void signIn() {
        log.addHandler(capture);
        SignIn signIn = TestSignIn.started(true, null);
        mechanism.signIn = signIn;
    }

    @AfterEach
    void stopListening() {
        log.removeHandler(capture);
    }

    @Test
    void aValidTokenSignsTheCallerIn() {
        String token = mechanism.signIn.demo().orElseThrow().mint(FABRIKAM, Set.of(), Instant.now(),
                Duration.ofMinutes(5));
        AuthenticationStatus result = mechanism.validateRequest(request("/api", "/v1/opportunity-insights",
                "Bearer " + token), response(), context());
        assertEquals(AuthenticationStatus.SUCCESS, result);
        assertEquals(List.of("00000000-0000-4000-a000-00000000d3e0", Set.of()), logins);
        Caller caller = (Caller) attributes.get(Caller.class.getName());
        assertEquals(FABRIKAM, caller.tenantId());
    }

    @Test
    void aRefusedTokenIsAnsweredAndItsReasonLoggedButNeverTheToken() {
        String token = mechanism.signIn.demo().orElseThrow().mint(FABRIKAM, Set.of(),
                Instant.now().minus(Duration.ofHours(3)), Duration.ofHours(1));
        AuthenticationStatus result = mechanism.validateRequest(request("/api", "/v1/opportunity-insights",
                "Bearer " + token), response(), context());
        assertEquals(AuthenticationStatus.SEND_FAILURE, result);
        assertEquals(401, status[0]);
        assertEquals("Bearer error=\"invalid_token\"", responseHeaders.get("WWW-Authenticate"));
        String json = body.toString(StandardCharsets.UTF_8);
        assertTrue(json.startsWith("{\"errorCode\":\"INVALID_TOKEN_SPECIFIED\""), json);
        assertTrue(lines.stream().anyMatch(line -> line.contains("expired at")), lines::toString);
        String signature = token.substring(token.lastIndexOf('.') + 1);
        for (String line : lines) {
            assertFalse(line.contains(token) || line.contains(signature), line);
        }
        assertTrue(lines.stream().anyMatch(line -> line.contains("status=401")), "the call is logged too");
    }

    @Test
    void aValidTokenOfAnUnregisteredTenantIsForbidden() {
        String token = mechanism.signIn.demo().orElseThrow().mint(STRANGER, Set.of(), Instant.now(),
                Duration.ofMinutes(5));
        AuthenticationStatus result = mechanism.validateRequest(request("/api", "/v1/opportunity-insights",
                "Bearer " + token), response(), context());
        assertEquals(AuthenticationStatus.SEND_FAILURE, result);
        assertEquals(403, status[0]);
        assertNull(responseHeaders.get("WWW-Authenticate"));
        assertTrue(body.toString(StandardCharsets.UTF_8).contains("INSUFFICIENT_PERMISSIONS"));
    }

    @Test
    void pathsOutsideTheApiAndTheDemoTokenDeskAreLeftAlone() {
        for (String[] path : List.of(new String[] {"/index.html", null}, new String[] {"/api", "/demo/token"},
                new String[] {"/apidocs", null})) {
            AuthenticationStatus result = mechanism.validateRequest(request(path[0], path[1], null), response(),
                    context());
            assertEquals(AuthenticationStatus.NOT_DONE, result, path[0]);
        }
        assertTrue(responseHeaders.isEmpty());
    }

    private HttpServletRequest request(String servletPath, String pathInfo, String authorization) {
        return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getServletPath" -> servletPath;
                    case "getPathInfo" -> pathInfo;
                    case "getHeader" -> "Authorization".equals(args[0]) ? authorization : null;
                    case "getMethod" -> "GET";
                    case "getRequestURI" -> servletPath + (pathInfo == null ? "" : pathInfo);
                    case "getContextPath" -> "";
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "getAttribute" -> attributes.get((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private HttpServletResponse response() {
        ServletOutputStream out = new ServletOutputStream() {
            @Override
            public void write(int b) {
                body.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }
        };
        return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "setHeader" -> responseHeaders.put((String) args[0], (String) args[1]);
                    case "setStatus" -> status[0] = (Integer) args[0];
                    case "getStatus" -> status[0];
                    case "setContentType", "setContentLength", "flushBuffer" -> null;
                    case "getOutputStream" -> out;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private HttpMessageContext context() {
        return (HttpMessageContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpMessageContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "doNothing" -> AuthenticationStatus.NOT_DONE;
                    case "notifyContainerAboutLogin" -> {
                        logins.add(((java.security.Principal) args[0]).getName());
                        logins.add(args[1]);
                        yield AuthenticationStatus.SUCCESS;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
