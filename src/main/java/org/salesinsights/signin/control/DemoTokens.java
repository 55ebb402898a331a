package org.salesinsights.signin.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * Demo mode's signing key. It signs tokens shaped exactly like Entra's v2 access tokens, so a newcomer can call the
 * API without an Entra tenant. Only a service in demo mode trusts it, through {@link #trustedAlongside(SigningKeys)}.
 * <p>
 * By default the key is made fresh in memory when the service starts (never stored, never shared), so a token of
 * one server is refused by every other. A demo cluster shares one key instead: an RSA private key that the operator
 * generated ({@code openssl genpkey}) and gave every node as a PKCS#8 PEM file ({@link #fromPem(String)}). Its key id
 * is the key's RFC 7638 thumbprint, so every node names it alike and a token names the key that signed it, never
 * the key itself.
 */
public final class DemoTokens {

    /** The audience of demo tokens, accepted only in demo mode. */
    public static final String AUDIENCE = "api://sales-insights-demo";
    /** The user object id demo tokens name. */
    public static final String DEMO_USER = "00000000-0000-4000-a000-00000000d3e0";
    /** The shortest shared key taken: what Entra's own keys have, and what RS256 needs to be worth anything. */
    static final int MIN_KEY_BITS = 2048;

    private static final Pattern PKCS8_PEM = Pattern.compile(
            "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

    private final RSAKey key;
    private final boolean shared;

    /** A key of this server's own, made now. */
    public DemoTokens() {
        try {
            this.key = new RSAKeyGenerator(MIN_KEY_BITS).keyID("sales-insights-demo-" + UUID.randomUUID()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("no RSA key generator", e);
        }
        this.shared = false;
    }

    private DemoTokens(RSAKey key) {
        this.key = key;
        this.shared = true;
    }

    /**
     * The demo key every node of a demo cluster shares: an unencrypted PKCS#8 PEM of an RSA private key of at least
     * 2048 bits, as {@code openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:3072} writes it.
     *
     * @throws IllegalArgumentException when the text is not such a key; the message says what to do, never the key
     */
    public static DemoTokens fromPem(String pem) {
        if (pem.contains("BEGIN RSA PRIVATE KEY")) {
            throw new IllegalArgumentException("the demo signing key is a PKCS#1 key (BEGIN RSA PRIVATE KEY); convert"
                    + " it with 'openssl pkcs8 -topk8 -nocrypt' or make one with 'openssl genpkey -algorithm RSA'");
        }
        if (pem.contains("BEGIN ENCRYPTED PRIVATE KEY")) {
            throw new IllegalArgumentException("the demo signing key is encrypted; the server reads an unencrypted"
                    + " PKCS#8 key (protect the file by its permissions)");
        }
        Matcher body = PKCS8_PEM.matcher(pem);
        if (!body.find()) {
            throw new IllegalArgumentException("the demo signing key is not a PEM private key (BEGIN PRIVATE KEY)");
        }
        java.security.PrivateKey parsed;
        try {
            byte[] der = Base64.getMimeDecoder().decode(body.group(1).getBytes(StandardCharsets.US_ASCII));
            parsed = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // an EC or Ed25519 key, a damaged file: the message names the kind of failure, never key material
            throw new IllegalArgumentException("the demo signing key is not an RSA private key in PKCS#8 ("
                    + e.getClass().getSimpleName() + ")");
        }
        if (!(parsed instanceof RSAPrivateCrtKey privateKey)) {
            throw new IllegalArgumentException("the demo signing key lacks its CRT parameters");
        }
        if (privateKey.getModulus().bitLength() < MIN_KEY_BITS) {
            throw new IllegalArgumentException("the demo signing key has " + privateKey.getModulus().bitLength()
                    + " bits; at least " + MIN_KEY_BITS + " are needed");
        }
        try {
            RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            RSAKey jwk = new RSAKey.Builder(publicKey).privateKey(privateKey).build();
            return new DemoTokens(new RSAKey.Builder(jwk).keyID("sales-insights-demo-"
                    + jwk.computeThumbprint().toString()).build());
        } catch (GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException("the demo signing key's public half could not be made", e);
        }
    }

    /** {@link #fromPem(String)} of a file's text; the messages name the file, never its content. */
    public static DemoTokens fromPemFile(java.nio.file.Path file) {
        String pem;
        try {
            pem = java.nio.file.Files.readString(file, StandardCharsets.US_ASCII);
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalArgumentException("the demo signing key file " + file + " cannot be read ("
                    + e.getClass().getSimpleName() + ")");
        }
        try {
            return fromPem(pem);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " (" + file + ")");
        }
    }

    /** Whether the key is the configured one every node of a demo cluster shares, not this server's own. */
    public boolean shared() {
        return shared;
    }

    /** The id of the key, as tokens name it: the same on every node that shares it; never secret. */
    public String keyId() {
        return key.getKeyID();
    }

    /** The keys to trust in demo mode: this demo key, and every key the given source trusts. */
    public SigningKeys trustedAlongside(SigningKeys keys) {
        RSAKey publicKey = key.toPublicJWK();
        return (tenantId, keyId) -> publicKey.getKeyID().equals(keyId) ? Optional.of(publicKey)
                : keys.find(tenantId, keyId);
    }

    /** A v2 access token for this API, for a user of the tenant with the given app roles. */
    public String mint(String tenantId, Set<String> roles, Instant now, Duration lifetime) {
        return sign(accessToken(tenantId, DEMO_USER, roles, now, lifetime)
                .claim("name", "Demo user")
                .claim("scp", "user_impersonation")
                .build());
    }

    /**
     * A v2 app-only access token for this API, as Entra issues one to an application by client credentials: no
     * {@code scp}, the app roles granted to the application, the application's id in {@code azp}, and its service
     * principal in the tenant as {@code oid} and {@code sub} (a demo one, made from the app id).
     */
    public String mintApp(String tenantId, String appId, Set<String> roles, Instant now, Duration lifetime) {
        String servicePrincipal = UUID.nameUUIDFromBytes(("service principal " + tenantId + " " + appId)
                .getBytes(StandardCharsets.UTF_8)).toString();
        return sign(accessToken(tenantId, servicePrincipal, roles, now, lifetime)
                .claim("azp", appId)
                .claim("azpacr", "1")
                .claim("idtyp", "app")
                .build());
    }

    /** What every v2 access token for this API holds: issuer, audience, times, tenant, subject, roles. */
    private static JWTClaimsSet.Builder accessToken(String tenantId, String subject, Set<String> roles, Instant now,
            Duration lifetime) {
        return new JWTClaimsSet.Builder()
                .issuer("https://login.microsoftonline.com/" + tenantId + "/v2.0")
                .audience(AUDIENCE)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .subject(subject)
                .claim("tid", tenantId)
                .claim("oid", subject)
                .claim("ver", "2.0")
                .claim("roles", List.copyOf(roles));
    }

    private String sign(JWTClaimsSet claims) {
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
