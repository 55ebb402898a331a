package org.salesinsights.signin.control;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.logging.Logger;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * The signing keys of each tenant, fetched from its JWKS endpoint with short timeouts and kept: a token whose key
 * id is unknown makes one refresh (Entra rotates keys), at most once per {@code minRefreshInterval} per tenant, so
 * a flood of tokens with made-up key ids never turns into a flood of fetches. Keys are kept at most {@code maxAge}.
 */
public final class JwksCache implements SigningKeys {

    private static final Logger LOG = Logger.getLogger(JwksCache.class.getName());

    private final Function<String, URI> jwksUri;
    private final HttpClient http;
    private final Duration timeout;
    private final Duration minRefreshInterval;
    private final Duration maxAge;
    private final Clock clock;
    private final Map<String, Entry> tenants = new ConcurrentHashMap<>();

    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    /** The keys, when they were last fetched successfully, and when a fetch was last tried. */
    private record Entry(JWKSet keys, Instant fetchedAt, Instant attemptedAt) {

        boolean mayTryAgain(Instant now, Duration interval) {
            return !attemptedAt.plus(interval).isAfter(now);
        }
    }

    public JwksCache(Function<String, URI> jwksUri, Duration timeout, Duration minRefreshInterval, Duration maxAge,
            Clock clock) {
        this.jwksUri = jwksUri;
        this.timeout = timeout;
        this.minRefreshInterval = minRefreshInterval;
        this.maxAge = maxAge;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Microsoft Entra ID's keys endpoint of a tenant. */
    public static URI entraKeys(String tenantId) {
        return URI.create("https://login.microsoftonline.com/" + tenantId + "/discovery/v2.0/keys");
    }

    @Override
    public Optional<RSAKey> find(String tenantId, String keyId) {
        Instant now = clock.instant();
        Entry entry = tenants.get(tenantId);
        if (entry == null
                || entry.fetchedAt().plus(maxAge).isBefore(now) && entry.mayTryAgain(now, minRefreshInterval)) {
            entry = refresh(tenantId, entry, now);
        }
        Optional<RSAKey> key = rsaKey(entry, keyId);
        if (key.isEmpty() && entry.mayTryAgain(now, minRefreshInterval)) {
            key = rsaKey(refresh(tenantId, entry, now), keyId);
        }
        return key;
    }

    /** Without fetching: the keys last fetched, while not older than the longest time keys are kept. */
    @Override
    public boolean holds(String tenantId, String keyId) {
        Entry entry = tenants.get(tenantId);
        return entry != null && !entry.fetchedAt().plus(maxAge).isBefore(clock.instant())
                && rsaKey(entry, keyId).isPresent();
    }

    private static Optional<RSAKey> rsaKey(Entry entry, String keyId) {
        if (entry == null) {
            return Optional.empty();
        }
        JWK key = entry.keys().getKeyByKeyId(keyId);
        return key instanceof RSAKey rsa ? Optional.of(rsa) : Optional.empty();
    }

    /**
     * Fetches the tenant's keys, one fetch at a time per tenant (other tenants are not held up). On failure it keeps
     * the last keys it had, which serve while Entra is unreachable, and tries again after
     * {@code minRefreshInterval}, so failures are never retried per token.
     */
    private Entry refresh(String tenantId, Entry previous, Instant now) {
        synchronized (locks.computeIfAbsent(tenantId, t -> new Object())) {
            Entry current = tenants.get(tenantId);
            if (current != null && current != previous) {
                return current; // another thread refreshed meanwhile
            }
            Entry entry = fetch(tenantId)
                    .map(keys -> new Entry(keys, now, now))
                    .orElseGet(() -> previous == null ? new Entry(new JWKSet(), Instant.MIN, now)
                            : new Entry(previous.keys(), previous.fetchedAt(), now));
            tenants.put(tenantId, entry);
            return entry;
        }
    }

    private Optional<JWKSet> fetch(String tenantId) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(jwksUri.apply(tenantId))
                    .timeout(timeout).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return Optional.of(JWKSet.parse(response.body()));
            }
            LOG.warning(() -> "JWKS of tenant " + tenantId + " answered " + response.statusCode());
        } catch (IOException | ParseException e) {
            LOG.warning(() -> "JWKS of tenant " + tenantId + " not fetched: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }
}
