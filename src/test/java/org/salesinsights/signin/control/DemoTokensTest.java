package org.salesinsights.signin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class DemoTokensTest {

    private static final String FABRIKAM = "fab00000-0000-4000-a000-000000000002";
    private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");
    private static final SigningKeys ENTRA = (tenantId, keyId) -> Optional.empty();

    private final DemoTokens demo = new DemoTokens();

    private static EntraTokenValidator validator(SigningKeys keys) {
        return new EntraTokenValidator(Set.of("api://sales-insights", DemoTokens.AUDIENCE), Duration.ofMinutes(1),
                keys, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void inDemoModeTheDemoKeysTokensAreAccepted() throws Exception {
        Caller caller = validator(demo.trustedAlongside(ENTRA))
                .validate(demo.mint(FABRIKAM, Set.of("Insights.Admin"), NOW, Duration.ofHours(1)));
        assertEquals(FABRIKAM, caller.tenantId());
        assertEquals(DemoTokens.DEMO_USER, caller.objectId());
        assertEquals(Set.of("Insights.Admin"), caller.roles());
    }

    @Test
    void outsideDemoModeADemoTokenIsRefused() {
        String token = demo.mint(FABRIKAM, Set.of(), NOW, Duration.ofHours(1));
        // the same validator, the same audience accepted, only the demo key is not trusted
        assertThrows(InvalidTokenException.class, () -> validator(ENTRA).validate(token));
        // nor by another server's demo key
        assertThrows(InvalidTokenException.class,
                () -> validator(new DemoTokens().trustedAlongside(ENTRA)).validate(token));
    }

    @Test
    void demoTokensExpire() {
        String token = demo.mint(FABRIKAM, Set.of(), NOW.minus(Duration.ofHours(2)), Duration.ofHours(1));
        assertThrows(InvalidTokenException.class, () -> validator(demo.trustedAlongside(ENTRA)).validate(token));
    }
}
