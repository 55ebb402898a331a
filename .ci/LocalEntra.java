import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for Entra ID in smoke tests of a deployed server: serves a fresh signing key as every tenant's JWKS
 * (http://127.0.0.1:PORT/{tenant}/discovery/v2.0/keys) and writes one v2 access token for a user of the tenant.
 * Runs until killed. Usage (nimbus-jose-jwt from the WAR's WEB-INF/lib):
 *   java -cp nimbus-jose-jwt.jar .ci/LocalEntra.java PORT TENANT_ID AUDIENCE TOKEN_FILE
 */
public class LocalEntra {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String tenant = args[1];
        RSAKey key = new RSAKeyGenerator(2048).keyID("smoke-" + Instant.now().getEpochSecond()).generate();
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 8);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(jwks);
            }
        });
        server.start();
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer("https://login.microsoftonline.com/" + tenant + "/v2.0")
                .audience(args[2])
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(3600)))
                .claim("tid", tenant)
                .claim("oid", "00000000-0000-4000-a000-0000000005e0")
                .claim("scp", "user_impersonation")
                .claim("ver", "2.0")
                .claim("roles", List.of())
                .build();
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                claims);
        token.sign(new RSASSASigner(key));
        Files.writeString(Path.of(args[3]), token.serialize());
    }
}
