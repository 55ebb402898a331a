package org.salesinsights.it;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * Entra ID, as far as the server under test sees it: a local JWKS endpoint for every tenant
 * ({@code /{tenant}/discovery/v2.0/keys}, the server is told so by arquillian.xml) and tokens shaped like Entra's
 * access tokens, signed with the keys it publishes. Started once per test JVM, before any server.
 */
final class TestTokens {

    static final String CONTOSO = "c07050c0-0000-4000-a000-000000000001";
    static final String FABRIKAM = "fab00000-0000-4000-a000-000000000002";
    static final String ADATUM = "ada70000-0000-4000-a000-000000000003";
    /** The partner's own tenant: arquillian.xml names it in insights.signin.admin-tenant-ids. */
    static final String PARTNER = "5a1e5000-0000-4000-a000-000000000004";
    /** A real-looking tenant that is not registered. */
    static final String STRANGER = "0e0e0e0e-0000-4000-a000-000000000009";
    /** The API's app registration, as arquillian.xml configures it (insights.signin.audiences). */
    static final String CLIENT_ID = "3b8f2c1d-7a6e-4f5b-9c0d-1e2f3a4b5c6d";
    static final String APP_ID_URI = "api://sales-insights-it";
    static final String ADMIN_ROLE = "Insights.Admin";

    private static final List<RSAKey> PUBLISHED = new CopyOnWriteArrayList<>();
    private static final Map<String, AtomicInteger> FETCHES = new ConcurrentHashMap<>();
    private static volatile HttpServer server;
    private static volatile RSAKey demoClusterKey;

    private TestTokens() {
    }

    /** Serves the keys on the given port; the first key is published. */
    static synchronized void start(int port) throws IOException {
        if (server != null) {
            return;
        }
        PUBLISHED.add(newKey("it-key-1"));
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
        http.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body;
            int status;
            if (path.matches("/[^/]+/discovery/v2\\.0/keys")) {
                FETCHES.computeIfAbsent(path.split("/")[1], t -> new AtomicInteger()).incrementAndGet();
                body = new JWKSet(PUBLISHED.stream().map(k -> (JWK) k.toPublicJWK()).toList()).toString()
                        .getBytes(StandardCharsets.UTF_8);
                status = 200;
            } else {
                body = "{\"error\":\"invalid_tenant\"}".getBytes(StandardCharsets.UTF_8);
                status = 400;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        http.start();
        server = http;
    }

    static synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /**
     * The shared demo key of a demo cluster, written as the PKCS#8 PEM file the servers under test are given
     * ({@code insights.demo.signing-key-file}: demo mode uses it, outside demo mode it must never count).
     */
    static synchronized void writeDemoClusterKey(java.nio.file.Path file) throws IOException {
        RSAKey key = newKey("unnamed");
        try {
            demoClusterKey = new RSAKey.Builder(key).keyID("sales-insights-demo-" + key.computeThumbprint()).build();
            String pem = "-----BEGIN PRIVATE KEY-----\n" + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'})
                    .encodeToString(key.toRSAPrivateKey().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
            java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
            java.nio.file.Files.writeString(file, pem, StandardCharsets.US_ASCII);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** That key, named as the servers name it (the key's RFC 7638 thumbprint). */
    static RSAKey demoClusterKey() {
        if (demoClusterKey == null) {
            throw new IllegalStateException("no shared demo key: failsafe sets insights.it.demoKeyFile");
        }
        return demoClusterKey;
    }

    /** How often the server under test fetched the keys of a tenant. */
    static int fetches(String tenant) {
        AtomicInteger count = FETCHES.get(tenant);
        return count == null ? 0 : count.get();
    }

    /** Entra rotates: a new key is published beside the old one. */
    static RSAKey publish(RSAKey key) {
        PUBLISHED.add(key);
        return key;
    }

    static RSAKey newKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static RSAKey currentKey() {
        return PUBLISHED.get(0);
    }

    /** A v2 access token of a user of the tenant, for this API. */
    static String v2(String tenant, String... roles) {
        return token(currentKey(), tenant, claims -> claims.claim("roles", List.of(roles)));
    }

    static String bearer(String tenant, String... roles) {
        return "Bearer " + v2(tenant, roles);
    }

    /** A v1 access token: issuer sts.windows.net, audience the app id URI. */
    static String v1(String tenant) {
        return token(currentKey(), tenant, claims -> claims.issuer("https://sts.windows.net/" + tenant + "/")
                .audience(APP_ID_URI).claim("ver", "1.0"));
    }

    /** A token as Entra issues them (v2, valid for an hour, no jti), then changed as the test needs. */
    static String token(RSAKey key, String tenant, Consumer<JWTClaimsSet.Builder> change) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer("https://login.microsoftonline.com/" + tenant + "/v2.0")
                .audience(CLIENT_ID)
                .issueTime(Date.from(now.minusSeconds(60)))
                .notBeforeTime(Date.from(now.minusSeconds(60)))
                .expirationTime(Date.from(now.plusSeconds(3600)))
                .subject("it-subject")
                .claim("tid", tenant)
                .claim("oid", "0b0b0b0b-0000-4000-a000-00000000000" + (tenant.charAt(0) == 'c' ? "1" : "2"))
                .claim("scp", "user_impersonation")
                .claim("ver", "2.0");
        change.accept(claims);
        return sign(key, claims.build());
    }

    static String sign(RSAKey key, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
