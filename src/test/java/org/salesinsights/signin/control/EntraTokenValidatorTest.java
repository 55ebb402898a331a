package org.salesinsights.signin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EntraTokenValidatorTest {

    static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    static final String OTHER_TENANT = "0d1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b";
    static final String CLIENT_ID = "6e1f3c2a-9b8d-4e7f-a1b2-c3d4e5f60718";
    static final String APP_ID_URI = "api://sales-insights";
    static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    static RSAKey tenantKey;
    static RSAKey strangerKey;

    private final EntraTokenValidator validator = new EntraTokenValidator(Set.of(CLIENT_ID, APP_ID_URI),
            Duration.ofMinutes(2), keysOf(Map.of(TENANT, tenantKey)), Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeAll
    static void keys() throws JOSEException {
        tenantKey = new RSAKeyGenerator(2048).keyID("key-1").generate();
        strangerKey = new RSAKeyGenerator(2048).keyID("key-1").generate();
    }

    static SigningKeys keysOf(Map<String, RSAKey> byTenant) {
        return (tenantId, keyId) -> Optional.ofNullable(byTenant.get(tenantId))
                .filter(key -> key.getKeyID().equals(keyId)).map(RSAKey::toPublicJWK);
    }

    /** A v2 access token as Entra issues it for this API (no jti), changed by {@code change}. */
    static String token(RSAKey key, Consumer<JWTClaimsSet.Builder> change) throws JOSEException {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer("https://login.microsoftonline.com/" + TENANT + "/v2.0")
                .audience(CLIENT_ID)
                .issueTime(Date.from(NOW.minusSeconds(60)))
                .notBeforeTime(Date.from(NOW.minusSeconds(60)))
                .expirationTime(Date.from(NOW.plusSeconds(3600)))
                .claim("tid", TENANT)
                .claim("oid", "9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d")
                .claim("ver", "2.0")
                .claim("scp", "user_impersonation")
                .claim("roles", List.of("Insights.Admin"));
        change.accept(claims);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                claims.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    @Test
    void aV2TokenForThisApiIsAccepted() throws Exception {
        Caller caller = validator.validate(token(tenantKey, claims -> { }));
        assertEquals(TENANT, caller.tenantId());
        assertEquals("9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d", caller.objectId());
        assertTrue(caller.hasRole("Insights.Admin"));
    }

    @Test
    void aV1TokenWithTheAppIdUriIsAccepted() throws Exception {
        Caller caller = validator.validate(token(tenantKey, claims -> claims
                .issuer("https://sts.windows.net/" + TENANT + "/").audience(APP_ID_URI).claim("ver", "1.0")
                .claim("roles", null)));
        assertEquals(Set.of(), caller.roles());
    }

    @Test
    void clockSkewIsTolerated() throws Exception {
        validator.validate(token(tenantKey, claims -> claims.expirationTime(Date.from(NOW.minusSeconds(60)))));
        validator.validate(token(tenantKey, claims -> claims.notBeforeTime(Date.from(NOW.plusSeconds(60)))));
    }

    @Test
    void expiredAndNotYetValidTokensAreRefused() {
        assertRefused(() -> token(tenantKey, claims -> claims.expirationTime(Date.from(NOW.minusSeconds(600)))));
        assertRefused(() -> token(tenantKey, claims -> claims.expirationTime(null)));
        assertRefused(() -> token(tenantKey, claims -> claims.notBeforeTime(Date.from(NOW.plusSeconds(600)))));
    }

    @Test
    void otherAudiencesAndIssuersAreRefused() {
        assertRefused(() -> token(tenantKey, claims -> claims.audience("00000003-0000-0000-c000-000000000000")));
        assertRefused(() -> token(tenantKey, claims -> claims.issuer("https://evil.example.com/" + TENANT + "/v2.0")));
        assertRefused(() -> token(tenantKey, claims -> claims
                .issuer("https://login.microsoftonline.com/" + OTHER_TENANT + "/v2.0")));
        assertRefused(() -> token(tenantKey, claims -> claims.claim("tid", OTHER_TENANT)));
    }

    @Test
    void keysOfAnotherTenantOrNoneAreRefused() {
        assertRefused(() -> token(strangerKey, claims -> { }));
        assertRefused(() -> token(tenantKey, claims -> claims.claim("tid", null)));
        assertRefused(() -> token(tenantKey, claims -> claims.claim("oid", null)));
    }

    @Test
    void unsignedAndHmacTokensAreRefused() throws Exception {
        JWTClaimsSet claims = SignedJWT.parse(token(tenantKey, c -> { })).getJWTClaimsSet();
        assertRefused(() -> new PlainJWT(claims).serialize());
        // the classic confusion: an HMAC keyed with the (public) RSA key
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("key-1").build(), claims);
        hmac.sign(new MACSigner(tenantKey.toPublicJWK().toRSAPublicKey().getEncoded()));
        assertRefused(hmac::serialize);
    }

    @Test
    void aTamperedTokenIsRefused() throws Exception {
        String[] parts = token(tenantKey, claims -> { }).split("\\.");
        String otherPayload = token(tenantKey, claims -> claims.claim("roles", List.of("Insights.Owner"))).split("\\.")[1];
        assertRefused(() -> parts[0] + "." + otherPayload + "." + parts[2]);
        assertRefused(() -> "not a token");
        assertRefused(() -> "");
    }

    @Test
    void aTokenWithoutKeyIdIsRefused() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256),
                SignedJWT.parse(token(tenantKey, c -> { })).getJWTClaimsSet());
        jwt.sign(new RSASSASigner(tenantKey));
        assertRefused(jwt::serialize);
    }

    @Test
    void aGenuineTokenOfAnUnknownTenantIsCheckedAgainstTheCommonKeysThenRefusedAsUnknown() throws Exception {
        EntraTokenValidator registeredOnly = new EntraTokenValidator(Set.of(CLIENT_ID), Duration.ofMinutes(2),
                keysOf(Map.of(EntraTokenValidator.COMMON_KEYS, tenantKey)), Clock.fixed(NOW, ZoneOffset.UTC),
                tenant -> !tenant.equals(TENANT));
        UnknownTenantException unknown = assertThrows(UnknownTenantException.class,
                () -> registeredOnly.validate(token(tenantKey, c -> { })));
        assertEquals(TENANT, unknown.tenantId());
        // a forged one is just invalid: the answer does not tell whether the tenant is registered
        assertThrows(InvalidTokenException.class, () -> registeredOnly.validate(token(strangerKey, c -> { })));
    }

    @Test
    void idTokensAndAppOnlyTokensAreRefused() {
        // an ID token for the same app registration has the client id as audience, and no scp
        assertRefused(() -> token(tenantKey, claims -> claims.claim("scp", null).claim("roles", null)
                .claim("nonce", "n-0S6_WzA2Mj")));
        // an app-only token has roles, and no scp
        assertRefused(() -> token(tenantKey, claims -> claims.claim("scp", null)));
        assertRefused(() -> token(tenantKey, claims -> claims.claim("scp", " ")));
    }

    static final String APP_ID = "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";

    /** An app-only token as Entra issues it by client credentials: no scp, the app's roles, azp (v2). */
    static String appToken(Consumer<JWTClaimsSet.Builder> change) throws JOSEException {
        return token(tenantKey, claims -> {
            claims.claim("scp", null).claim("roles", List.of("Insights.Feed")).claim("azp", APP_ID)
                    .claim("azpacr", "1").subject("9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d");
            change.accept(claims);
        });
    }

    @Test
    void anAppOnlyTokenWithTheFeedRoleSignsTheApplicationIn() throws Exception {
        Caller v2 = validator.validate(appToken(claims -> { }));
        assertTrue(v2.isApp());
        assertEquals(APP_ID, v2.appId());
        assertEquals(TENANT, v2.tenantId());
        // v1: the application is appid, the issuer sts.windows.net; an app id in capitals is the same app
        Caller v1 = validator.validate(appToken(claims -> claims.issuer("https://sts.windows.net/" + TENANT + "/")
                .audience(APP_ID_URI).claim("ver", "1.0").claim("azp", null).claim("azpacr", null)
                .claim("appid", APP_ID.toUpperCase()).claim("appidacr", "1")));
        assertEquals(APP_ID, v1.appId());
        assertTrue(validator.validate(appToken(claims -> claims.claim("idtyp", "app"))).isApp());
        // a user's delegated token is no application's, whatever else it carries
        Caller user = validator.validate(token(tenantKey, claims -> claims.claim("azp", APP_ID)
                .claim("roles", List.of("Insights.Feed"))));
        assertEquals(false, user.isApp());
        assertEquals(null, user.appId());
    }

    @Test
    void anAppOnlyTokenNeedsTheFeedRoleAndANamedApplication() {
        assertRefused(() -> appToken(claims -> claims.claim("roles", List.of("Insights.Admin"))));
        assertRefused(() -> appToken(claims -> claims.claim("roles", null)));
        assertRefused(() -> appToken(claims -> claims.claim("azp", null)));
        assertRefused(() -> appToken(claims -> claims.claim("azp", "not-a-guid")));
        assertRefused(() -> appToken(claims -> claims.claim("appid", "11111111-2222-4333-8444-555555555555")));
        assertRefused(() -> appToken(claims -> claims.claim("idtyp", "user")));
        // blank scp is neither a user's nor an application's token
        assertRefused(() -> appToken(claims -> claims.claim("scp", " ")));
        // an ID token carries roles but names no client application: never an application
        assertRefused(() -> appToken(claims -> claims.claim("azp", null).claim("nonce", "n-0S6_WzA2Mj")));
    }

    @Test
    void theFeedRoleIsConfigurable() throws Exception {
        EntraTokenValidator custom = new EntraTokenValidator(Set.of(CLIENT_ID), Duration.ofMinutes(2),
                keysOf(Map.of(TENANT, tenantKey)), Clock.fixed(NOW, ZoneOffset.UTC), tenant -> true, "Quotes.Write");
        assertThrows(InvalidTokenException.class, () -> custom.validate(appToken(claims -> { })));
        assertEquals(APP_ID, custom.validate(appToken(claims -> claims.claim("roles", List.of("Quotes.Write"))))
                .appId());
    }

    @Test
    void withoutAConfiguredAudienceEveryTokenIsRefused() {
        EntraTokenValidator unconfigured = new EntraTokenValidator(Set.of(), Duration.ofMinutes(2),
                keysOf(Map.of(TENANT, tenantKey)), Clock.fixed(NOW, ZoneOffset.UTC));
        assertThrows(InvalidTokenException.class, () -> unconfigured.validate(token(tenantKey, c -> { })));
    }

    private interface TokenSupplier {
        String get() throws Exception;
    }

    private void assertRefused(TokenSupplier token) {
        assertThrows(InvalidTokenException.class, () -> validator.validate(token.get()));
    }
}
