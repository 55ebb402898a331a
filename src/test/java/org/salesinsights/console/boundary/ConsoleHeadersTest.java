package org.salesinsights.console.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class ConsoleHeadersTest {

    @Test
    void theSignInOriginIsTheAuthoritysSchemeHostAndPort() {
        assertEquals(Optional.of("https://login.microsoftonline.com"),
                ConsoleHeaders.origin("https://login.microsoftonline.com/organizations"));
        assertEquals(Optional.of("https://login.example.com:8443"),
                ConsoleHeaders.origin(" https://login.example.com:8443/tenant/v2.0 "));
        assertEquals(Optional.empty(), ConsoleHeaders.origin("http://login.example.com/plain"),
                "a plain-http authority is never allowed into the policy");
        assertEquals(Optional.empty(), ConsoleHeaders.origin("https://x.example.com/'; script-src *"),
                "nothing of the configured value but its origin reaches the header");
    }
}
