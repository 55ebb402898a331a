package org.salesinsights.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.json.JsonObject;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sign-in and isolation between customers over HTTP on a real server: Entra-shaped tokens from the tests' own keys
 * ({@link TestTokens}), which the server fetches from the local JWKS endpoint as it would from Entra ID.
 */
@ExtendWith(ArquillianExtension.class)
class SignInIT {

    private static final String CONTOSO_OPPORTUNITY = "d1c6a4e2-5f3b-4c8e-9a7d-2b1e0f6c3a91";
    private static final String ADATUM_OPPORTUNITY = "a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d";
    private static final Map<String, String> CONTOSO_QUERY = Map.of("recordType", "opportunity",
            "recordId", CONTOSO_OPPORTUNITY, "top", "1");

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("insights.war")));
    }

    @Test
    void validV1AndV2TokensAreAccepted() {
        HttpResponse<String> v2 = insights(CONTOSO_QUERY, "Bearer " + TestTokens.v2(TestTokens.CONTOSO));
        assertEquals(200, v2.statusCode(), v2::body);
        assertEquals(1, Http.json(v2).getJsonArray("value").size());
        HttpResponse<String> v1 = insights(CONTOSO_QUERY, "Bearer " + TestTokens.v1(TestTokens.CONTOSO));
        assertEquals(200, v1.statusCode(), v1::body);
        assertEquals(v2.body(), v1.body());
        // the scheme name is case-insensitive
        assertEquals(200, insights(CONTOSO_QUERY, "bearer " + TestTokens.v2(TestTokens.CONTOSO)).statusCode());
    }

    @Test
    void noTokenOrAnotherSchemeIsRefusedWithTheBearerChallenge() {
        assertInvalidToken(Http.get(insightsUri(CONTOSO_QUERY), "x-ms-client-request-id", "no-token-1"));
        assertInvalidToken(insights(CONTOSO_QUERY, "Basic dXNlcjpwYXNzd29yZA=="));
        assertInvalidToken(insights(CONTOSO_QUERY, "Bearer "));
        assertInvalidToken(insights(CONTOSO_QUERY, "Bearer not.a.token"));
        HttpResponse<String> refused = Http.get(insightsUri(CONTOSO_QUERY), "x-ms-client-request-id", "no-token-2");
        assertEquals("no-token-2", Http.json(refused).getString("activityId"));
        assertEquals("no-token-2", refused.headers().firstValue("x-ms-client-request-id").orElseThrow());
        assertTrue(refused.headers().firstValue("Cache-Control").orElseThrow().contains("no-store"));
    }

    @Test
    void expiredAndNotYetValidTokensAreRefused() {
        Instant now = Instant.now();
        assertInvalidToken(insights(CONTOSO_QUERY, "Bearer " + TestTokens.token(TestTokens.currentKey(),
                TestTokens.CONTOSO, claims -> claims.expirationTime(Date.from(now.minusSeconds(600))))));
        assertInvalidToken(insights(CONTOSO_QUERY, "Bearer " + TestTokens.token(TestTokens.currentKey(),
                TestTokens.CONTOSO, claims -> claims.notBeforeTime(Date.from(now.plusSeconds(600))))));
        // within the clock skew (60 s) a token is still good
        assertEquals(200, insights(CONTOSO_QUERY, "Bearer " + TestTokens.token(TestTokens.currentKey(),
                TestTokens.CONTOSO, claims -> claims.expirationTime(Date.from(now.minusSeconds(20))))).statusCode());
    }

    @Test
    void tokensForAnotherAudienceOrFromAnotherIssuerAreRefused() {
        assertInvalidToken(insights(CONTOSO_QUERY, "Bearer " + TestTokens.token(TestTokens.currentKey(),
                TestTokens.CONTOSO, claims -> claims.audience("api://some-other-api"))));
        assertInvalidToken(insights(CONTOSO_QUERY, "Bearer " + TestTokens.token(TestTokens.currentKey(),
                TestTokens.CONTOSO, claims -> claims.issuer("https://login.example.com/" + TestTokens.CONTOSO + "/v2.0"))));
        // the issuer of another tenant than the token's tid
        assertInvalidToken(insights(CONTOSO_QUERY, "Bearer " + TestTokens.token(TestTokens.currentKey(),
                TestTokens.CONTOSO, claims -> claims.issuer("https://login.microsoftonline.com/"
                        + TestTokens.ADATUM + "/v2.0"))));
        assertInvalidToken(insights(CONTOSO_QUERY, "Bearer " + TestTokens.token(TestTokens.currentKey(),
                TestTokens.CONTOSO, claims -> claims.issuer("https://sts.windows.net/" + TestTokens.ADATUM + "/"))));
        // an ID token of the same app registration (audience the client id, no scp) is no access token
        assertInvalidToken(insights(CONTOSO_QUERY, "Bearer " + TestTokens.token(TestTokens.currentKey(),
                TestTokens.CONTOSO, claims -> claims.claim("scp", null).claim("nonce", "abc"))));
    }

    @Test
    void aTokenOfAnUnregisteredTenantIsForbidden() {
        HttpResponse<String> response = insights(CONTOSO_QUERY, TestTokens.bearer(TestTokens.STRANGER));
        assertEquals(403, response.statusCode(), response::body);
        assertEquals("INSUFFICIENT_PERMISSIONS", Http.json(response).getString("errorCode"));
        // the same tenant with a forged signature is simply an invalid token
        RSAKey forger = TestTokens.newKey(TestTokens.currentKey().getKeyID());
        assertInvalidToken(insights(CONTOSO_QUERY, "Bearer " + TestTokens.token(forger, TestTokens.STRANGER, c -> { })));
        // and its keys were never fetched: unknown tenants are checked against the common keys only
        assertEquals(0, TestTokens.fetches(TestTokens.STRANGER));
    }

    @Test
    void unsignedHmacAndTamperedTokensAreRefused() throws Exception {
        String good = TestTokens.v2(TestTokens.CONTOSO);
        String[] parts = good.split("\\.");
        String noneHeader = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        assertInvalidToken(insights(CONTOSO_QUERY, "Bearer " + noneHeader + "." + parts[1] + "."));
        // HS256 keyed with the public key's bytes: the classic algorithm confusion
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256)
                .keyID(TestTokens.currentKey().getKeyID()).build(), SignedJWT.parse(good).getJWTClaimsSet());
        hmac.sign(new MACSigner(TestTokens.currentKey().toPublicJWK().toRSAPublicKey().getEncoded()));
        assertInvalidToken(insights(CONTOSO_QUERY, "Bearer " + hmac.serialize()));
        // claims changed after signing (another tenant's id), signature kept
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace(TestTokens.CONTOSO, TestTokens.ADATUM);
        assertInvalidToken(insights(CONTOSO_QUERY, "Bearer " + parts[0] + "." + base64(payload) + "." + parts[2]));
        // a signature cut short
        assertInvalidToken(insights(CONTOSO_QUERY, "Bearer " + good.substring(0, good.length() - 4)));
    }

    @Test
    void anUnknownKeyIsRefusedUntilEntraPublishesItThenAccepted() throws InterruptedException {
        RSAKey rotated = TestTokens.newKey("it-key-" + UUID.randomUUID());
        String token = TestTokens.token(rotated, TestTokens.ADATUM, claims -> { });
        Map<String, String> query = Map.of("recordType", "opportunity", "recordId", ADATUM_OPPORTUNITY, "top", "1");
        assertInvalidToken(insights(query, "Bearer " + token));
        TestTokens.publish(rotated);
        Thread.sleep(2_500); // the server refreshes a tenant's keys at most every 2 s in these tests
        HttpResponse<String> accepted = insights(query, "Bearer " + token);
        assertEquals(200, accepted.statusCode(), accepted::body);
        assertEquals(1, Http.json(accepted).getJsonArray("value").size());
    }

    @Test
    void keysAreFetchedOncePerTenantNotPerRequest() {
        insights(CONTOSO_QUERY, TestTokens.bearer(TestTokens.CONTOSO));
        int before = TestTokens.fetches(TestTokens.CONTOSO);
        for (int i = 0; i < 20; i++) {
            assertEquals(200, insights(CONTOSO_QUERY, TestTokens.bearer(TestTokens.CONTOSO)).statusCode());
        }
        assertEquals(before, TestTokens.fetches(TestTokens.CONTOSO));
        assertTrue(before >= 1);
    }

    @Test
    void anotherCustomersOrganizationIsAnInvalidCrmConnection() {
        for (String[] org : List.of(new String[] {"Dynamics 365", "https://adatum.crm4.dynamics.com/"},
                new String[] {"Salesforce", "fabrikam.my.salesforce.com"},
                new String[] {"Dynamics 365", "https://unknown.crm.dynamics.com"},
                // its own host, but not as the CRM it is
                new String[] {"Salesforce", "contoso.crm.dynamics.com"})) {
            String recordId = org[0].equals("Salesforce") ? "006Dn00000A1b2C" : ADATUM_OPPORTUNITY;
            HttpResponse<String> response = insights(Map.of("recordType", "opportunity", "recordId", recordId,
                    "crmType", org[0], "crmOrgUrl", org[1]), TestTokens.bearer(TestTokens.CONTOSO));
            assertEquals(400, response.statusCode(), response::body);
            JsonObject error = Http.json(response);
            assertEquals("INVALID_CRM_CONNECTION", error.getString("errorCode"));
            assertFalse(response.body().contains("value"), response.body());
        }
        // the owner asks the same and gets its insights
        HttpResponse<String> owner = insights(Map.of("recordType", "opportunity", "recordId", ADATUM_OPPORTUNITY,
                "crmOrgUrl", "https://adatum.crm4.dynamics.com/"), TestTokens.bearer(TestTokens.ADATUM));
        assertEquals(200, owner.statusCode(), owner::body);
        assertFalse(Http.json(owner).getJsonArray("value").isEmpty());
    }

    @Test
    void withoutAnOrganizationOnlyTheCallersOwnOrganizationsAreSearched() {
        Map<String, String> adatumRecord = Map.of("recordType", "opportunity", "recordId", ADATUM_OPPORTUNITY);
        assertEquals("{\"value\":[],\"hasMoreResults\":false}",
                insights(adatumRecord, TestTokens.bearer(TestTokens.CONTOSO)).body());
        assertEquals("{\"value\":[],\"hasMoreResults\":false}",
                insights(adatumRecord, TestTokens.bearer(TestTokens.FABRIKAM)).body());
        assertFalse(Http.json(insights(adatumRecord, TestTokens.bearer(TestTokens.ADATUM)))
                .getJsonArray("value").isEmpty());
    }

    @Test
    void adminOperationsNeedTheAdminRoleInThePartnersTenant() {
        URI tenants = uri("api/admin/v1/tenants");
        for (String reader : List.of(TestTokens.bearer(TestTokens.CONTOSO),
                // a customer's own admin can grant itself the role in its tenant: that is not enough
                TestTokens.bearer(TestTokens.CONTOSO, TestTokens.ADMIN_ROLE),
                TestTokens.bearer(TestTokens.PARTNER))) {
            HttpResponse<String> refused = Http.get(tenants, "Authorization", reader);
            assertEquals(403, refused.statusCode(), refused::body);
            assertEquals("INSUFFICIENT_PERMISSIONS", Http.json(refused).getString("errorCode"));
        }
        assertInvalidToken(Http.get(tenants));
        HttpResponse<String> admin = Http.get(tenants, "Authorization",
                TestTokens.bearer(TestTokens.PARTNER, TestTokens.ADMIN_ROLE));
        assertEquals(200, admin.statusCode(), admin::body);
        assertTrue(admin.body().contains("\"tenantId\":\"" + TestTokens.CONTOSO + "\""), admin::body);
        assertTrue(admin.body().contains("\"host\":\"contoso.crm.dynamics.com\""), admin::body);
    }

    @Test
    void anAdminRegistersATenantWhoseUsersThenReadAndRemovesItAgain() {
        String newcomer = "0d0d0d0d-0000-4000-a000-00000000000" + (System.nanoTime() % 10);
        String admin = TestTokens.bearer(TestTokens.PARTNER, TestTokens.ADMIN_ROLE);
        URI tenant = uri("api/admin/v1/tenants/" + newcomer.toUpperCase());
        Map<String, String> query = Map.of("recordType", "account", "recordId", UUID.randomUUID().toString(),
                "crmOrgUrl", "https://northwind.crm.dynamics.com");
        assertEquals(403, insights(query, TestTokens.bearer(newcomer)).statusCode());

        HttpResponse<String> created = put(tenant, admin, "{\"displayName\": \"Northwind\", \"organizations\": ["
                + "{\"crmType\": \"Dynamics 365\", \"orgUrl\": \"https://Northwind.crm.dynamics.com/main.aspx\"}]}");
        assertEquals(201, created.statusCode(), created::body);
        assertEquals("{\"tenantId\":\"" + newcomer + "\",\"version\":1,\"displayName\":\"Northwind\","
                + "\"organizations\":[{\"crmType\":\"Dynamics 365\",\"host\":\"northwind.crm.dynamics.com\"}]}",
                created.body());
        assertEquals("\"1\"", created.headers().firstValue("ETag").orElseThrow());
        HttpResponse<String> reads = insights(query, TestTokens.bearer(newcomer));
        assertEquals(200, reads.statusCode(), reads::body);

        String contosos = "{\"displayName\": \"Northwind\", \"organizations\": [{\"crmType\": \"Dynamics 365\","
                + " \"orgUrl\": \"contoso.crm.dynamics.com\"}]}";
        assertEquals(428, put(tenant, admin, contosos).statusCode(), "a change needs the version read");
        assertEquals(412, put(tenant, admin, "\"7\"", contosos).statusCode(), "a stale version changes nothing");
        HttpResponse<String> taken = put(tenant, admin, "\"1\"", contosos);
        assertEquals(409, taken.statusCode(), taken::body);
        assertEquals(400, insights(Map.of("recordType", "account", "recordId", UUID.randomUUID().toString(),
                "crmOrgUrl", "contoso.crm.dynamics.com"), TestTokens.bearer(newcomer)).statusCode(),
                "a refused change changes nothing");

        HttpResponse<String> invalid = put(tenant, admin, "{\"displayName\": \" \", \"color\": \"red\","
                + " \"organizations\": [{\"crmType\": \"SAP\", \"orgUrl\": \"ftp://x\"}]}");
        assertEquals(400, invalid.statusCode(), invalid::body);
        JsonObject details = Http.json(invalid).getJsonObject("details");
        assertEquals(new TreeMap<>(Map.of("displayName", "", "color", "", "organizations[0].crmType", "",
                "organizations[0].orgUrl", "")).keySet(), new TreeMap<>(details).keySet(), invalid::body);

        HttpResponse<String> renamed = put(tenant, admin, "\"1\"", "{\"displayName\": \"Northwind Traders\","
                + " \"organizations\": []}");
        assertEquals(200, renamed.statusCode(), renamed::body);
        assertEquals("\"2\"", renamed.headers().firstValue("ETag").orElseThrow(), "the change moved the version on");
        assertEquals(428, Http.send(HttpRequest.newBuilder(tenant).DELETE().header("Authorization", admin).build())
                .statusCode());
        HttpResponse<String> removed = Http.send(HttpRequest.newBuilder(tenant).DELETE()
                .header("Authorization", admin).header("If-Match", "\"2\"").build());
        assertEquals(204, removed.statusCode(), removed::body);
        assertEquals(403, insights(query, TestTokens.bearer(newcomer)).statusCode());
        assertEquals(404, Http.send(HttpRequest.newBuilder(tenant).DELETE().header("Authorization", admin).build())
                .statusCode());
    }

    @Test
    void demoTokensAreRefusedOutsideDemoMode() {
        HttpResponse<String> desk = Http.get(uri("api/demo/token"));
        assertEquals(404, desk.statusCode(), desk::body);
        assertEquals("NOT_FOUND", Http.json(desk).getString("errorCode"));
        // shaped exactly like a demo token (its audience, a demo key id), signed by a key of its own
        RSAKey demoLike = TestTokens.newKey("sales-insights-demo-" + UUID.randomUUID());
        assertInvalidToken(insights(Map.of("recordType", "opportunity", "recordId", "006Dn00000A1b2C"),
                "Bearer " + TestTokens.token(demoLike, TestTokens.FABRIKAM,
                        claims -> claims.audience("api://sales-insights-demo"))));
    }

    @Test
    void theOpenApiDocumentDeclaresTheSignIn() throws URISyntaxException {
        JsonObject document = Http.json(Http.get(base.toURI().resolve("/openapi"), "Accept", "application/json"));
        JsonObject scheme = document.getJsonObject("components").getJsonObject("securitySchemes")
                .getJsonObject("entra");
        assertEquals("oauth2", scheme.getString("type"));
        assertTrue(scheme.getJsonObject("flows").getJsonObject("authorizationCode").getString("authorizationUrl")
                .startsWith("https://login.microsoftonline.com/"));
        JsonObject paths = document.getJsonObject("paths");
        String action = paths.keySet().stream().filter(p -> p.endsWith("/api/v1/opportunity-insights")).findFirst()
                .orElseThrow();
        JsonObject get = paths.getJsonObject(action).getJsonObject("get");
        assertTrue(get.getJsonArray("security").getJsonObject(0).containsKey("entra"), get::toString);
        for (String status : List.of("401", "403")) {
            assertTrue(get.getJsonObject("responses").containsKey(status), status);
        }
    }

    private static void assertInvalidToken(HttpResponse<String> response) {
        assertEquals(401, response.statusCode(), response::body);
        assertEquals("Bearer error=\"invalid_token\"", response.headers().firstValue("WWW-Authenticate").orElseThrow());
        assertEquals("INVALID_TOKEN_SPECIFIED", Http.json(response).getString("errorCode"));
    }

    private HttpResponse<String> insights(Map<String, String> parameters, String authorization) {
        return Http.get(insightsUri(parameters), "Authorization", authorization);
    }

    private static HttpResponse<String> put(URI uri, String authorization, String json) {
        return Http.send(HttpRequest.newBuilder(uri).PUT(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json").header("Authorization", authorization).build());
    }

    private static HttpResponse<String> put(URI uri, String authorization, String ifMatch, String json) {
        return Http.send(HttpRequest.newBuilder(uri).PUT(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json").header("Authorization", authorization)
                .header("If-Match", ifMatch).build());
    }

    private URI insightsUri(Map<String, String> parameters) {
        return uri("api/v1/opportunity-insights?" + Http.query(new TreeMap<>(parameters)));
    }

    private URI uri(String relative) {
        try {
            return base.toURI().resolve(relative);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
