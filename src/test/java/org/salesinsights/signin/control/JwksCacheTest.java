package org.salesinsights.signin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Key rotation against a local JWKS endpoint: one refresh for an unknown key id, never one per token. */
class JwksCacheTest {

    private static final String TENANT = EntraTokenValidatorTest.TENANT;

    private HttpServer jwks;
    private final AtomicReference<JWKSet> served = new AtomicReference<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicBoolean failing = new AtomicBoolean();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T12:00:00Z"));
    private RSAKey oldKey;
    private RSAKey newKey;

    @BeforeEach
    void serveKeys() throws IOException, JOSEException {
        oldKey = new RSAKeyGenerator(2048).keyID("old").generate();
        newKey = new RSAKeyGenerator(2048).keyID("new").generate();
        served.set(new JWKSet(oldKey.toPublicJWK()));
        jwks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        jwks.createContext("/", exchange -> {
            fetches.incrementAndGet();
            if (failing.get()) {
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
                return;
            }
            byte[] body = served.get().toString(true).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        jwks.start();
    }

    @AfterEach
    void stop() {
        jwks.stop(0);
    }

    private JwksCache cache() {
        URI base = URI.create("http://127.0.0.1:" + jwks.getAddress().getPort() + "/");
        return new JwksCache(tenant -> base.resolve(tenant + "/discovery/v2.0/keys"), Duration.ofSeconds(2),
                Duration.ofSeconds(30), Duration.ofHours(24), clock);
    }

    @Test
    void keysAreFetchedOnceAndKept() {
        JwksCache cache = cache();
        for (int i = 0; i < 10; i++) {
            assertTrue(cache.find(TENANT, "old").isPresent());
        }
        assertEquals(1, fetches.get());
    }

    @Test
    void anUnknownKeyIdRefreshesOnceThenTheRotatedKeyIsFound() throws Exception {
        JwksCache cache = cache();
        assertTrue(cache.find(TENANT, "old").isPresent());
        served.set(new JWKSet(java.util.List.of(oldKey.toPublicJWK(), newKey.toPublicJWK()))); // Entra rotates
        clock.advance(Duration.ofMinutes(1));
        assertTrue(cache.find(TENANT, "new").isPresent());
        assertEquals(2, fetches.get());

        EntraTokenValidator validator = new EntraTokenValidator(java.util.Set.of(EntraTokenValidatorTest.CLIENT_ID),
                Duration.ofMinutes(2), cache, Clock.fixed(EntraTokenValidatorTest.NOW, ZoneOffset.UTC));
        assertEquals(TENANT, validator.validate(EntraTokenValidatorTest.token(newKey, claims -> { })).tenantId());
    }

    @Test
    void madeUpKeyIdsDoNotTurnIntoAFloodOfFetches() {
        JwksCache cache = cache();
        cache.find(TENANT, "old");
        clock.advance(Duration.ofMinutes(1));
        for (int i = 0; i < 100; i++) {
            assertTrue(cache.find(TENANT, "made-up-" + i).isEmpty());
        }
        assertEquals(2, fetches.get(), "one refresh for the first unknown id, then none within the interval");
        clock.advance(Duration.ofSeconds(31));
        cache.find(TENANT, "made-up-again");
        assertEquals(3, fetches.get());
    }

    @Test
    void whileEntraFailsTheLastKeysServeAndFetchesAreRetriedOnlyAfterTheInterval() {
        JwksCache cache = cache();
        assertTrue(cache.find(TENANT, "old").isPresent());
        failing.set(true);
        clock.advance(Duration.ofHours(25)); // past the keys' maximum age
        for (int i = 0; i < 20; i++) {
            assertTrue(cache.find(TENANT, "old").isPresent(), "the last known keys serve");
        }
        assertEquals(2, fetches.get(), "one failed attempt, not one per token");
        clock.advance(Duration.ofSeconds(31));
        failing.set(false);
        served.set(new JWKSet(newKey.toPublicJWK()));
        assertTrue(cache.find(TENANT, "new").isPresent());
        assertTrue(cache.find(TENANT, "old").isEmpty(), "keys Entra withdrew are gone after a good fetch");
    }

    @Test
    void aTenantWhoseFirstFetchFailsIsRetriedAfterTheInterval() {
        JwksCache cache = cache();
        failing.set(true);
        assertTrue(cache.find(TENANT, "old").isEmpty());
        assertTrue(cache.find(TENANT, "old").isEmpty());
        assertEquals(1, fetches.get());
        failing.set(false);
        clock.advance(Duration.ofSeconds(31));
        assertTrue(cache.find(TENANT, "old").isPresent());
    }

    @Test
    void theDefaultEndpointIsEntrasKeysOfTheTenant() {
        assertEquals(URI.create("https://login.microsoftonline.com/" + TENANT + "/discovery/v2.0/keys"),
                JwksCache.entraKeys(TENANT));
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
