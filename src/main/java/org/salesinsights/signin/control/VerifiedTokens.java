package org.salesinsights.signin.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.stats.CacheStats;

import org.salesinsights.platform.CacheFigures;

/**
 * Tokens already verified, recognised by their SHA-256 (the token itself is not kept) until they expire, so that a
 * seller's calls verify the RS256 signature once per token rather than once per call. Bounded; a token is trusted
 * again only while it has not expired (with the clock skew every check allows) and its signing key is still one of
 * its tenant's as far as the key cache knows, so a key dropped by the last refresh (a rotation) ends the trust at
 * once. Everything else a token is checked for is in the token and cannot change; whether its tenant may call is
 * checked on every call by the tenant directory, not here.
 */
public final class VerifiedTokens {

    private final SigningKeys keys;
    private final Duration clockSkew;
    private final Clock clock;
    private final long maxSize;
    private final Cache<String, EntraTokenValidator.Verified> verified;

    public VerifiedTokens(long maxSize, SigningKeys keys, Duration clockSkew, Clock clock) {
        this.keys = keys;
        this.clockSkew = clockSkew;
        this.clock = clock;
        this.maxSize = maxSize;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maxSize)
                // upkeep on the calling thread: no work on threads the server does not manage
                .executor(Runnable::run)
                .expireAfter(new Expiry<String, EntraTokenValidator.Verified>() {
                    @Override
                    public long expireAfterCreate(String digest, EntraTokenValidator.Verified token, long now) {
                        return Math.max(0, Duration.between(clock.instant(), usableUntil(token)).toNanos());
                    }

                    @Override
                    public long expireAfterUpdate(String digest, EntraTokenValidator.Verified token, long now,
                            long remaining) {
                        return expireAfterCreate(digest, token, now);
                    }

                    @Override
                    public long expireAfterRead(String digest, EntraTokenValidator.Verified token, long now,
                            long remaining) {
                        return remaining;
                    }
                })
                .recordStats()
                .build();
    }

    /** The caller of a token verified before, if it may still be trusted without verifying it again. */
    public Optional<Caller> recognise(String token) {
        String digest = digest(token);
        EntraTokenValidator.Verified known = verified.getIfPresent(digest);
        if (known == null) {
            return Optional.empty();
        }
        if (clock.instant().isBefore(usableUntil(known)) && keys.holds(known.keysOf(), known.keyId())) {
            return Optional.of(known.caller());
        }
        verified.invalidate(digest);
        return Optional.empty();
    }

    /** Remembers a token that passed every check. */
    public void remember(String token, EntraTokenValidator.Verified checked) {
        verified.put(digest(token), checked);
    }

    public CacheFigures figures() {
        CacheStats stats = verified.stats();
        return new CacheFigures(verified.estimatedSize(), maxSize, stats.hitCount(), stats.missCount(),
                stats.hitRate(), stats.evictionCount());
    }

    private Instant usableUntil(EntraTokenValidator.Verified token) {
        return token.expires().plus(clockSkew);
    }

    static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
