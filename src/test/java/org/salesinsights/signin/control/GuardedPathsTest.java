package org.salesinsights.signin.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class GuardedPathsTest {

    private static final GuardedPaths PATHS = new GuardedPaths("/api", Set.of("/api/demo/token",
            "/api/console/settings"));

    @Test
    void thePublicPathsArePublicOnlyExactlyAsWritten() {
        assertFalse(PATHS.isSecured("/api/demo/token", "", "/api/demo/token"));
        assertFalse(PATHS.isSecured("/app/api/console/settings", "/app", "/api/console/settings"));
        // what the container decodes to a public path, and JAX-RS routes elsewhere
        for (String raw : List.of("/api/admin/v1/tenants/..%2F..%2F..%2Fdemo%2Ftoken",
                "/api/admin/v1/tenants/%2e%2e/%2e%2e/%2e%2e/demo/token", "/api/demo%2Ftoken", "/api/demo/token;x=1",
                "/api/demo;x=1/token", "/api//demo/token", "/api/./demo/token", "/api/v1/../demo/token",
                "/api/demo/token/", "/api/demo/%74oken", "/api/demo\\token", "/API/demo/token")) {
            assertTrue(PATHS.isSecured(raw, "", "/api/demo/token"), raw);
        }
    }

    @Test
    void everyOtherPathOfTheApiIsSecuredHoweverItIsWritten() {
        for (String raw : List.of("/api", "/api/", "/api/v1/opportunity-insights", "/api/admin/v1/tenants",
                "/api/application.wadl", "/api//admin/v1/tenants", "/api/admin/v1/tenants;a=b",
                "/api/admin%2Fv1/tenants", "/api/./admin/v1/tenants")) {
            assertTrue(PATHS.isSecured(raw, "", raw), raw);
        }
        // the container's reading says API, the raw path does not (or the reverse): secured either way
        assertTrue(PATHS.isSecured("/console/..%2Fapi/admin/v1/tenants", "", "/api/admin/v1/tenants"));
        assertTrue(PATHS.isSecured("/api/admin/v1/tenants", "", "/console/index.html"));
        assertTrue(PATHS.isSecured("/console/%2e%2e/api/admin/v1/tenants", "", "/console/%2e%2e/api/admin/v1/tenants"));
        // a context path written another way is not the application's
        assertTrue(PATHS.isSecured("/%61pp/api/demo/token", "/app", "/api/demo/token"));
        assertTrue(PATHS.isSecured(null, "", "/api/demo/token"));
    }

    @Test
    void pathsOutsideTheApiAreNotSignInsBusiness() {
        assertFalse(PATHS.isSecured("/console/index.html", "", "/console/index.html"));
        assertFalse(PATHS.isSecured("/", "", "/"));
        assertFalse(PATHS.isSecured("/console/../console/index.html", "", "/console/index.html"));
    }
}
