package org.salesinsights.signin.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Demo mode's signing key: made fresh in memory when the service starts (never stored, never shared), it signs
 * tokens shaped exactly like Entra's v2 access tokens, so a newcomer can call the API without an Entra tenant.
 * Only a service in demo mode trusts it, through {@link #trustedAlongside(SigningKeys)}.
 */
public final class DemoTokens {

    /** The audience of demo tokens, accepted only in demo mode. */
    public static final String AUDIENCE = "api://sales-insights-demo";
    /** The user object id demo tokens name. */
    public static final String DEMO_USER = "00000000-0000-4000-a000-00000000d3e0";

    private final RSAKey key;

    public DemoTokens() {
        try {
            this.key = new RSAKeyGenerator(2048).keyID("sales-insights-demo-" + UUID.randomUUID()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("no RSA key generator", e);
        }
    }

    /** The keys to trust in demo mode: this demo key, and every key the given source trusts. */
    public SigningKeys trustedAlongside(SigningKeys keys) {
        RSAKey publicKey = key.toPublicJWK();
        return (tenantId, keyId) -> publicKey.getKeyID().equals(keyId) ? Optional.of(publicKey)
                : keys.find(tenantId, keyId);
    }

    /** A v2 access token for this API, for a user of the tenant with the given app roles. */
    public String mint(String tenantId, Set<String> roles, Instant now, Duration lifetime) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer("https://login.microsoftonline.com/" + tenantId + "/v2.0")
                .audience(AUDIENCE)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .subject(DEMO_USER)
                .claim("tid", tenantId)
                .claim("oid", DEMO_USER)
                .claim("name", "Demo user")
                .claim("scp", "user_impersonation")
                .claim("ver", "2.0")
                .claim("roles", List.copyOf(roles))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("demo token not signed", e);
        }
        return jwt.serialize();
    }
}
