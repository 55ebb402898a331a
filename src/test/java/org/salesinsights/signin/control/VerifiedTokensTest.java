package org.salesinsights.signin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A verified token is recognised by its digest until it expires or its signing key is no longer its tenant's. */
class VerifiedTokensTest {

    private static final String TENANT = EntraTokenValidatorTest.TENANT;
    private static final Duration SKEW = Duration.ofMinutes(1);

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T09:00:00Z"));
    private final Map<String, RSAKey> keys = new HashMap<>();
    private VerifiedTokens tokens;
    private EntraTokenValidator.Verified checked;

    @BeforeEach
    void verifiedOnce() throws Exception {
        keys.put(TENANT, new RSAKeyGenerator(2048).keyID("key-1").generate());
        tokens = new VerifiedTokens(10, EntraTokenValidatorTest.keysOf(keys), SKEW, clock);
        checked = new EntraTokenValidator.Verified(new Caller(TENANT, "user", Set.of()),
                clock.instant().plus(Duration.ofHours(1)), TENANT, "key-1");
        tokens.remember("header.payload.signature", checked);
    }

    @Test
    void theSameTokenIsRecognisedAndNoOtherIs() {
        assertEquals(Optional.of(checked.caller()), tokens.recognise("header.payload.signature"));
        assertEquals(Optional.empty(), tokens.recognise("header.payload.signaturf"), "another token");
        assertEquals(1, tokens.figures().hits());
        assertEquals(1, tokens.figures().misses());
    }

    @Test
    void aTokenIsTrustedUntilItExpiresWithTheClockSkewAndNotAfter() {
        clock.now = checked.expires().plus(SKEW).minusSeconds(1);
        assertTrue(tokens.recognise("header.payload.signature").isPresent());
        clock.now = checked.expires().plus(SKEW);
        assertEquals(Optional.empty(), tokens.recognise("header.payload.signature"));
        clock.now = checked.expires().minusSeconds(10);
        assertEquals(Optional.empty(), tokens.recognise("header.payload.signature"), "forgotten once refused");
    }

    @Test
    void aKeyRotatedAwayEndsTheTrustAtOnce() throws Exception {
        keys.put(TENANT, new RSAKeyGenerator(2048).keyID("key-2").generate()); // the last refresh no longer has key-1
        assertEquals(Optional.empty(), tokens.recognise("header.payload.signature"));
    }

    @Test
    void theCacheIsBounded() {
        for (int i = 0; i < 1_000; i++) {
            tokens.remember("token-" + i, checked);
        }
        tokens.recognise("token-1"); // Caffeine evicts on its own schedule; a read lets it catch up
        assertTrue(tokens.figures().size() <= 10 + 1, () -> "size " + tokens.figures().size());
    }

    @Test
    void theDigestIsSha256AndTheTokenIsNotKept() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", VerifiedTokens.digest(""));
    }

    private static final class MovableClock extends Clock {
        Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
