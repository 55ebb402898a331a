package org.salesinsights.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

import org.junit.jupiter.api.Test;

/**
 * Sign-in and isolation between customers over HTTP on a real server: Entra-shaped tokens from the tests' own keys
 * ({@link TestTokens}), which the server fetches from the local JWKS endpoint as it would from Entra ID.
 */
class SignInIT extends DeployedWar {

    private static final String CONTOSO_OPPORTUNITY = "d1c6a4e2-5f3b-4c8e-9a7d-2b1e0f6c3a91";
    private static final String ADATUM_OPPORTUNITY = "a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d";
    private static final Map<String, String> CONTOSO_QUERY = Map.of("recordType", "opportunity",
            "recordId", CONTOSO_OPPORTUNITY, "top", "1");

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
                + "\"organizations\":[{\"crmType\":\"Dynamics 365\",\"host\":\"northwind.crm.dynamics.com\"}],"
                + "\"feeders\":[]}",
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
        // signed by the shared demo key this server is given (insights.demo.signing-key-file, pom.xml), under the
        // id every node of a demo cluster names it by: outside demo mode the key does not count
        assertInvalidToken(insights(Map.of("recordType", "opportunity", "recordId", "006Dn00000A1b2C"),
                "Bearer " + TestTokens.token(TestTokens.demoClusterKey(), TestTokens.FABRIKAM,
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

    /**
     * Every resource method of the application (found by reflection, so none is forgotten) refuses an anonymous
     * call before it runs, however its path is written: encoded slashes, dot segments, ; parameters, double
     * slashes, and paths that the container decodes to a public path while JAX-RS routes them to another resource.
     * The public exceptions answer only when their path is written exactly.
     */
    @Test
    void everyResourceMethodRefusesAnAnonymousCallHoweverItsPathIsWritten() {
        List<ResourceMethods> methods = ResourceMethods.all();
        assertTrue(methods.size() > 20, methods::toString);
        assertTrue(methods.stream().anyMatch(m -> m.resource().equals("TenantsResource.put")), methods::toString);
        List<String> publicMethods = List.of("DemoTokenResource.text", "DemoTokenResource.json",
                "ConsoleSettingsResource.settings");
        java.util.Set<String> checked = new java.util.TreeSet<>();
        for (ResourceMethods method : methods) {
            String path = method.uriPath("1");
            List<String> variants = new java.util.ArrayList<>(List.of(path + ";x=1", path.replace("api/", "api//"),
                    path.replace("api/", "api/./"), path.replaceFirst("/([^/]*)$", "%2F$1"),
                    path.replace("api/", "api/x/../"), path + "/..%2F" + "..%2F".repeat(path.split("/").length - 2)
                            + "demo%2Ftoken"));
            if (method.hasParameter()) {
                // the path: a parameter that the container decodes and resolves to the demo desk
                String prefix = method.path().substring(0, method.path().indexOf('{'));
                int depth = prefix.split("/").length;
                variants.add("api/" + method.path().replaceFirst("\\{[^}]+}", "..%2F".repeat(depth)
                        + "demo%2Ftoken").replaceAll("\\{[^}]+}", "1"));
                variants.add("api/" + method.path().replaceFirst("\\{[^}]+}", "%2e%2e/".repeat(depth)
                        + "console%2Fsettings").replaceAll("\\{[^}]+}", "1"));
            }
            if (!publicMethods.contains(method.resource())) {
                variants.add(0, path);
            }
            for (String variant : variants) {
                if (!checked.add(method.httpMethod() + " " + variant)) {
                    continue;
                }
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + variant))
                        .header("Content-Type", "application/json");
                request = switch (method.httpMethod()) {
                    case "POST" -> request.POST(HttpRequest.BodyPublishers.ofString("{}"));
                    case "PUT" -> request.PUT(HttpRequest.BodyPublishers.ofString("{}"));
                    case "DELETE" -> request.DELETE();
                    default -> request.GET();
                };
                HttpResponse<String> answer = Http.send(request.build());
                assertEquals(401, answer.statusCode(), () -> method + " " + variant + ": " + answer.body());
                assertInvalidToken(answer);
                assertTrue(answer.body().contains("The bearer token is missing"), () -> method + " " + variant
                        + " reached the resource: " + answer.body());
                if (variants.get(0).equals(variant) && checked.add("OPTIONS " + variant)) {
                    HttpResponse<String> options = Http.send(HttpRequest.newBuilder(URI.create(base + variant))
                            .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
                    assertInvalidToken(options);
                }
            }
        }
        // the public ones, written exactly, answer anyone (the desk only in demo mode: 404 here)
        assertEquals(200, Http.get(uri("api/console/settings")).statusCode());
        assertEquals(404, Http.get(uri("api/demo/token")).statusCode());
    }

    /**
     * Admin bodies are read only after the role check, and never past a limit: a seller who promises 30 MB is refused
     * at once (the server answers without waiting for a byte of it), and so is a curator, with 413, when
     * Content-Length is over the operation's limit or the body turns out to be.
     */
    @Test
    void adminBodiesAreReadOnlyAfterTheRoleCheckAndNeverPastTheirLimit() throws URISyntaxException {
        String seller = TestTokens.bearer(TestTokens.CONTOSO);
        String admin = TestTokens.bearer(TestTokens.PARTNER, TestTokens.ADMIN_ROLE);
        int promised = 30_000_000;
        byte[] start = "{\"displayName\": \"".getBytes(StandardCharsets.UTF_8);
        for (String[] operation : List.of(new String[] {"PUT", "api/admin/v1/tenants/" + TestTokens.CONTOSO},
                new String[] {"POST", "api/admin/v1/records"}, new String[] {"POST", "api/admin/v1/records/1/insights"},
                new String[] {"PUT", "api/admin/v1/records/1/order"}, new String[] {"PUT", "api/admin/v1/insights/1"},
                new String[] {"PUT", "api/admin/v1/insights/1/translations/de"},
                new String[] {"POST", "api/admin/v1/import"})) {
            String head = operation[0] + " " + base.getPath() + operation[1] + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nIf-Match: \"1\"\r\nContent-Length: " + promised + "\r\n";
            // a seller: 403 without the server reading the body (it never comes; the answer does)
            String refused = Http.raw(base.toURI(), head + "Authorization: " + seller + "\r\n", start);
            assertEquals(403, Http.status(refused), () -> String.join(" ", operation) + ": " + refused);
            assertEquals("INSUFFICIENT_PERMISSIONS", Http.json(Http.body(refused)).getString("errorCode"));
            // a curator: 413 on the promise alone, with the contract's body
            String tooLarge = Http.raw(base.toURI(), head + "Authorization: " + admin + "\r\n", start);
            assertEquals(413, Http.status(tooLarge), () -> String.join(" ", operation) + ": " + tooLarge);
            JsonObject error = Http.json(Http.body(tooLarge));
            assertEquals("PAYLOAD_TOO_LARGE", error.getString("errorCode"));
            assertTrue(error.containsKey("activityId"), error::toString);
        }
        // a body sent in chunks, with no length promised, is cut at the limit (64 KB for a tenant)
        byte[] chunk = ("{\"displayName\": \"" + "x".repeat(100_000)).getBytes(StandardCharsets.UTF_8);
        byte[] chunked = new byte[0];
        try (java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(chunk);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            chunked = out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String cut = Http.raw(base.toURI(), "PUT " + base.getPath() + "api/admin/v1/tenants/" + TestTokens.CONTOSO
                + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                + "Authorization: " + admin + "\r\n", chunked);
        assertEquals(413, Http.status(cut), cut);
        assertEquals("PAYLOAD_TOO_LARGE", Http.json(Http.body(cut)).getString("errorCode"));
        // under the limit, the body is read as before
        HttpResponse<String> small = put(uri("api/admin/v1/tenants/" + TestTokens.CONTOSO), admin, "{");
        assertEquals(400, small.statusCode(), small::body);
    }

    /**
     * What anyone can learn of the API: the public document holds the connector's operations only (saved to
     * target/openapi/served.json, which CI lints), the whole document is for curators, the runtime's own
     * descriptions (WADL, OPTIONS) are refused even to signed-in sellers, and the server's metrics are not served.
     */
    @Test
    void thePublicSeesThePublicOperationsOnly() throws Exception {
        HttpResponse<String> served = Http.get(base.toURI().resolve("/openapi"), "Accept", "application/json");
        assertEquals(200, served.statusCode());
        Path saved = Path.of(System.getProperty("insights.war")).resolveSibling("openapi").resolve("served.json");
        Files.createDirectories(saved.getParent());
        Files.writeString(saved, served.body());
        JsonObject document = Http.json(served);
        JsonObject paths = document.getJsonObject("paths");
        assertEquals(java.util.Set.of("/api/v1/opportunity-insights", "/api/v1/record-summary-insights",
                "/api/enhanceskills/email-insights-v2", "/api/v1/related-records", "/api/v1/test-connection"), paths.keySet().stream().map(p -> p.substring(p.indexOf("/api/")))
                .collect(java.util.stream.Collectors.toSet()), paths.keySet()::toString);
        assertFalse(served.body().contains("/admin/"), "no trace of the admin API");
        assertFalse(document.containsKey("endpoints"), "no list of every endpoint");
        assertFalse(document.getJsonObject("components").getJsonObject("schemas").containsKey("Tenant"));
        assertFalse(document.getJsonArray("tags").toString().contains("Administration"));
        for (String path : paths.keySet()) {
            JsonObject get = paths.getJsonObject(path).getJsonObject("get");
            if (path.endsWith("/email-insights-v2")) {
                assertEquals(java.util.Set.of("post"), paths.getJsonObject(path).keySet(), "the email summary is a POST");
                continue;
            }
            assertFalse(get.containsKey("requestBody"), path + ": a GET takes no body");
        }
        // the record summary's answer is its own page of insights (dateTime required), not the Key sales info's
        JsonObject summary = resolve(document, paths.getJsonObject(paths.keySet().stream()
                .filter(p -> p.endsWith("/record-summary-insights")).findFirst().orElseThrow()).getJsonObject("get")
                .getJsonObject("responses").getJsonObject("200").getJsonObject("content")
                .getJsonObject("application/json").getJsonObject("schema"));
        JsonObject value = summary.getJsonObject("properties").getJsonObject("value");
        JsonObject item = value.containsKey("items") ? resolve(document, value.getJsonObject("items")) : value;
        assertTrue(item.getJsonArray("required").toString().contains("dateTime"), summary::toString);

        String seller = TestTokens.bearer(TestTokens.CONTOSO);
        String admin = TestTokens.bearer(TestTokens.PARTNER, TestTokens.ADMIN_ROLE);
        HttpResponse<String> wadl = Http.get(uri("api/application.wadl"), "Authorization", seller);
        assertEquals(404, wadl.statusCode(), wadl::body);
        assertEquals("NOT_FOUND", Http.json(wadl).getString("errorCode"));
        assertEquals(404, Http.get(uri("api/application.wadl/xsd0.xsd"), "Authorization", admin).statusCode());
        assertInvalidToken(Http.get(uri("api/application.wadl")));
        for (String path : List.of("api/v1/opportunity-insights", "api/admin/v1/tenants", "api/")) {
            HttpResponse<String> options = Http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", seller)
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
            assertEquals(405, options.statusCode(), () -> path + ": " + options.body());
            assertEquals("METHOD_NOT_ALLOWED", Http.json(options).getString("errorCode"));
            assertFalse(options.body().contains("admin/v1"), options::body);
        }

        // the whole document, for curators
        HttpResponse<String> whole = Http.get(uri("api/admin/v1/openapi"), "Authorization", admin);
        assertEquals(200, whole.statusCode(), whole::body);
        JsonObject wholePaths = Http.json(whole).getJsonObject("paths");
        assertTrue(wholePaths.containsKey("/api/admin/v1/tenants/{tenantId}"), wholePaths.keySet()::toString);
        JsonObject export = wholePaths.getJsonObject("/api/admin/v1/export").getJsonObject("get");
        assertTrue(export.getJsonObject("responses").getJsonObject("200").getJsonObject("content")
                .containsKey("text/csv"), export::toString);
        assertEquals(403, Http.get(uri("api/admin/v1/openapi"), "Authorization", seller).statusCode());
        assertInvalidToken(Http.get(uri("api/admin/v1/openapi")));

        // the server's operational endpoints: no metrics for anyone on the application's port
        HttpResponse<String> metrics = Http.get(base.toURI().resolve("/metrics"));
        assertTrue(metrics.statusCode() >= 400, () -> "/metrics answered " + metrics.statusCode());
        assertFalse(metrics.body().contains("# TYPE"), metrics::body);
    }

    /**
     * Cross-origin access is granted to nobody, on every server (docs/deployment.md, Cross-origin access): the public
     * document is public to whoever fetches it, but no web page of another origin may read it or anything else
     * through a browser, and never with credentials. WildFly's OpenAPI endpoint adds its own grant (any origin, with
     * credentials), which server-config/wildfly/configure.cli takes off.
     */
    @Test
    void noOriginIsGrantedCrossOriginAccess() throws Exception {
        String origin = "https://pages.example.net";
        String seller = TestTokens.bearer(TestTokens.CONTOSO);
        URI openapi = base.toURI().resolve("/openapi");
        URI action = uri("api/v1/opportunity-insights?" + Http.query(CONTOSO_QUERY));
        List<HttpResponse<String>> answers = List.of(
                Http.get(openapi, "Origin", origin),
                Http.get(openapi, "Origin", origin, "Accept", "application/json"),
                preflight(openapi, origin, "GET", "authorization"),
                Http.get(action, "Origin", origin, "Authorization", seller),
                preflight(action, origin, "GET", "authorization"));
        assertEquals(200, answers.get(0).statusCode(), answers.get(0)::body);
        assertEquals(200, answers.get(3).statusCode(), answers.get(3)::body);
        for (HttpResponse<String> answer : answers) {
            Map<String, List<String>> grants = new TreeMap<>(answer.headers().map());
            grants.keySet().removeIf(name -> !name.toLowerCase(java.util.Locale.ROOT).startsWith("access-control-"));
            assertEquals(Map.of(), grants, () -> answer.request().method() + " " + answer.uri());
        }
    }

    private static HttpResponse<String> preflight(URI uri, String origin, String method, String headers) {
        return Http.send(HttpRequest.newBuilder(uri).header("Origin", origin)
                .header("Access-Control-Request-Method", method).header("Access-Control-Request-Headers", headers)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
    }

    private static JsonObject resolve(JsonObject document, JsonObject schema) {
        if (!schema.containsKey("$ref")) {
            return schema;
        }
        String ref = schema.getString("$ref");
        return document.getJsonObject("components").getJsonObject("schemas")
                .getJsonObject(ref.substring(ref.lastIndexOf('/') + 1));
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
