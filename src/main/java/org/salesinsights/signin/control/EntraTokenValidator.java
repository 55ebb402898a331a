package org.salesinsights.signin.control;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Checks a Microsoft Entra ID access token for this API, as the connector sends it: RS256 only (never {@code none},
 * never an HMAC keyed with a public key), a signing key of the token's own tenant, the issuer of that tenant in its
 * v1 or v2 form, this API as the audience, and the time window with a small clock skew. Entra access tokens carry
 * no {@code jti}; none is required.
 *
 * <p>Keys are looked up per tenant only for tenants this API knows. A token of any other tenant is checked against
 * Entra's common keys (the keys Entra signs every tenant's tokens with), so made-up tenant ids never cause a fetch
 * of their own; a genuine one is refused as {@link UnknownTenantException}, a forged one as invalid, so the answer
 * does not tell which tenants are registered.
 *
 * <p>Two kinds of access token pass: a user's delegated token ({@code scp} present), and an application's app-only
 * token (client credentials: no {@code scp}, the feed app role in {@code roles}, the app named by {@code azp} in v2
 * tokens or {@code appid} in v1). An app-only token without the feed role is refused like an ID token: the only
 * thing an application may do here is feed.
 */
public final class EntraTokenValidator {

    private static final Set<JWSAlgorithm> ALLOWED = Set.of(JWSAlgorithm.RS256);
    private static final Pattern TENANT_ID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** The tenant name under which Entra publishes the keys shared by all tenants. */
    public static final String COMMON_KEYS = "common";
    /** The app role that lets an application sign in with an app-only token ({@code insights.signin.feed-role}). */
    public static final String DEFAULT_FEED_ROLE = "Insights.Feed";

    private final Set<String> audiences;
    private final Duration clockSkew;
    private final SigningKeys keys;
    private final Clock clock;
    private final Predicate<String> knownTenant;
    private final String feedRole;

    /** A validator for any tenant (the tenant is checked elsewhere). */
    public EntraTokenValidator(Set<String> audiences, Duration clockSkew, SigningKeys keys, Clock clock) {
        this(audiences, clockSkew, keys, clock, tenantId -> true);
    }

    /** A validator whose applications sign in with the default feed role. */
    public EntraTokenValidator(Set<String> audiences, Duration clockSkew, SigningKeys keys, Clock clock,
            Predicate<String> knownTenant) {
        this(audiences, clockSkew, keys, clock, knownTenant, DEFAULT_FEED_ROLE);
    }

    /**
     * @param audiences the API's client id and app id URI; when empty, every token is refused
     * @param knownTenant whether tokens of a tenant may be accepted at all
     * @param feedRole the app role an app-only token must carry
     */
    public EntraTokenValidator(Set<String> audiences, Duration clockSkew, SigningKeys keys, Clock clock,
            Predicate<String> knownTenant, String feedRole) {
        this.audiences = Set.copyOf(audiences);
        this.clockSkew = Objects.requireNonNull(clockSkew);
        this.keys = Objects.requireNonNull(keys);
        this.clock = Objects.requireNonNull(clock);
        this.knownTenant = Objects.requireNonNull(knownTenant);
        this.feedRole = Objects.requireNonNull(feedRole);
    }

    /** The caller the token speaks for, or why it is refused. */
    public Caller validate(String token) throws InvalidTokenException, UnknownTenantException {
        return verify(token).caller();
    }

    /**
     * A token that passed every check, with what a cache of verified tokens must check again before it trusts it
     * once more: its expiry and its signing key.
     *
     * @param keysOf the tenant (or {@value #COMMON_KEYS}) whose key signed it
     */
    public record Verified(Caller caller, Instant expires, String keysOf, String keyId) {
    }

    /** The token's caller with its expiry and signing key, or why it is refused. */
    public Verified verify(String token) throws InvalidTokenException, UnknownTenantException {
        SignedJWT jwt = parse(token);
        if (!ALLOWED.contains(jwt.getHeader().getAlgorithm())) {
            throw new InvalidTokenException("algorithm not allowed: " + jwt.getHeader().getAlgorithm());
        }
        JWTClaimsSet claims = claims(jwt);
        String tenantId = text(claims, "tid");
        if (tenantId == null || !TENANT_ID.matcher(tenantId).matches()) {
            throw new InvalidTokenException("no tenant id (tid)");
        }
        String issuer = claims.getIssuer();
        if (!("https://login.microsoftonline.com/" + tenantId + "/v2.0").equals(issuer)
                && !("https://sts.windows.net/" + tenantId + "/").equals(issuer)) {
            throw new InvalidTokenException("issuer " + issuer + " is not the tenant " + tenantId);
        }
        if (audiences.isEmpty()) {
            throw new InvalidTokenException("no audience configured (insights.signin.audiences)");
        }
        List<String> audience = claims.getAudience();
        if (audience == null || audience.stream().noneMatch(audiences::contains)) {
            throw new InvalidTokenException("audience " + audience + " is not this API");
        }
        Instant now = clock.instant();
        Date expires = claims.getExpirationTime();
        if (expires == null || !now.minus(clockSkew).isBefore(expires.toInstant())) {
            throw new InvalidTokenException("expired at " + expires);
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && now.plus(clockSkew).isBefore(notBefore.toInstant())) {
            throw new InvalidTokenException("not valid before " + notBefore);
        }
        String objectId = text(claims, "oid");
        if (objectId == null) {
            throw new InvalidTokenException("no user object id (oid)");
        }
        String scopes = text(claims, "scp");
        Set<String> roles = roles(claims);
        String appId = null;
        if (scopes == null) {
            // ID tokens and app-only tokens carry none: an app-only token passes only with the feed role
            appId = appOnly(claims, roles);
        } else if (scopes.isBlank()) {
            throw new InvalidTokenException("not a delegated access token (blank scp)");
        }
        String keyId = jwt.getHeader().getKeyID();
        if (keyId == null) {
            throw new InvalidTokenException("no key id (kid)");
        }
        boolean known = knownTenant.test(tenantId);
        String keysOf = known ? tenantId : COMMON_KEYS;
        RSAKey key = keys.find(keysOf, keyId)
                .orElseThrow(() -> new InvalidTokenException("unknown signing key " + keyId + " for " + keysOf));
        verify(jwt, key);
        if (!known) {
            throw new UnknownTenantException(tenantId);
        }
        return new Verified(new Caller(tenantId, objectId, roles, appId), expires.toInstant(), keysOf, keyId);
    }

    /**
     * The app id of an app-only token: it must carry the feed role, name its application ({@code azp} in v2,
     * {@code appid} in v1; both, if present, alike) and, when Entra says what it is ({@code idtyp}), be an app's.
     * An ID token carries neither {@code azp} nor {@code appid}, so it never passes as an application.
     */
    private String appOnly(JWTClaimsSet claims, Set<String> roles) throws InvalidTokenException {
        if (!roles.contains(feedRole)) {
            throw new InvalidTokenException("not a delegated access token (no scp), nor an app-only token with the"
                    + " role " + feedRole);
        }
        String type = text(claims, "idtyp");
        if (type != null && !type.equals("app")) {
            throw new InvalidTokenException("no scp, but idtyp " + type);
        }
        String azp = text(claims, "azp");
        String appid = text(claims, "appid");
        if (azp != null && appid != null && !azp.equalsIgnoreCase(appid)) {
            throw new InvalidTokenException("azp and appid name different applications");
        }
        String appId = azp != null ? azp : appid;
        if (appId == null || !TENANT_ID.matcher(appId.toLowerCase(java.util.Locale.ROOT)).matches()) {
            throw new InvalidTokenException("an app-only token without an application id (azp or appid)");
        }
        return appId.toLowerCase(java.util.Locale.ROOT);
    }

    private static SignedJWT parse(String token) throws InvalidTokenException {
        try {
            return SignedJWT.parse(token);
        } catch (ParseException | RuntimeException e) {
            // includes unsigned tokens (alg none): they do not parse as a signed JWT
            throw new InvalidTokenException("not a signed JWT: " + e.getClass().getSimpleName());
        }
    }

    private static JWTClaimsSet claims(SignedJWT jwt) throws InvalidTokenException {
        try {
            return jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new InvalidTokenException("unreadable claims");
        }
    }

    private static void verify(SignedJWT jwt, RSAKey key) throws InvalidTokenException {
        try {
            if (!jwt.verify(new RSASSAVerifier(key))) {
                throw new InvalidTokenException("bad signature");
            }
        } catch (JOSEException e) {
            throw new InvalidTokenException("signature not verifiable: " + e.getMessage());
        }
    }

    private static String text(JWTClaimsSet claims, String name) throws InvalidTokenException {
        try {
            return claims.getStringClaim(name);
        } catch (ParseException e) {
            throw new InvalidTokenException("claim " + name + " is not a string");
        }
    }

    private static Set<String> roles(JWTClaimsSet claims) throws InvalidTokenException {
        try {
            List<String> roles = claims.getStringListClaim("roles");
            return roles == null ? Set.of() : new HashSet<>(roles);
        } catch (ParseException e) {
            throw new InvalidTokenException("claim roles is not a list of strings");
        }
    }
}
