package org.salesinsights.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Demo mode, as the README's run command starts it: the demo token desk answers, its token and its curl work, and
 * real Entra tokens keep working beside it. The WAR is the one the build made, with demo mode switched on in its
 * own configuration (the run command sets the same key as a system property).
 */
@ExtendWith(ArquillianExtension.class)
class DemoModeIT {

    private static final String CONFIG = "WEB-INF/classes/META-INF/microprofile-config.properties";
    private static final Pattern CURL = Pattern.compile("curl -i '([^']+)' \\\\\n\\s+-H 'Authorization: Bearer ([^']+)'");

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return DemoModeIT.inDemoMode();
    }

    /**
     * The WAR the build made, with demo mode on in its own configuration (the run command sets the same key as a
     * system property): demo tokens for this suite's tests of the console, too.
     */
    static WebArchive inDemoMode() {
        WebArchive war = ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("insights.war")));
        String config;
        try (InputStream in = war.get(CONFIG).getAsset().openStream()) {
            config = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        war.delete(CONFIG);
        return war.add(new StringAsset(config + "\ninsights.demo.enabled=true\n"), CONFIG);
    }

    @Test
    void theTokenDeskPrintsATokenAndTheCurlThatUsesIt() {
        HttpResponse<String> desk = Http.get(uri("api/demo/token"));
        assertEquals(200, desk.statusCode(), desk::body);
        assertTrue(desk.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"));
        Matcher curl = CURL.matcher(desk.body());
        assertTrue(curl.find(), desk::body);
        HttpResponse<String> answer = Http.get(URI.create(curl.group(1)), "Authorization", "Bearer " + curl.group(2));
        assertEquals(200, answer.statusCode(), answer::body);
        assertTrue(answer.body().startsWith("{\"value\":[{\"title\":\"Fabrikam Insights\""), answer::body);
    }

    @Test
    void eachDemoTenantsCurlReadsARecordOfItsOwn() {
        java.util.Set<String> answers = new java.util.HashSet<>();
        for (String tenant : java.util.List.of(TestTokens.CONTOSO, TestTokens.FABRIKAM, TestTokens.ADATUM)) {
            HttpResponse<String> desk = Http.get(uri("api/demo/token?tenantId=" + tenant));
            Matcher curl = CURL.matcher(desk.body());
            assertTrue(curl.find(), desk::body);
            HttpResponse<String> answer = Http.get(URI.create(curl.group(1)), "Authorization", "Bearer " + curl.group(2));
            assertEquals(200, answer.statusCode(), answer::body);
            assertTrue(answer.body().startsWith("{\"value\":[{\"title\":"), answer::body);
            answers.add(answer.body());
        }
        assertEquals(3, answers.size(), "every tenant reads its own insights");
        HttpResponse<String> partner = Http.get(uri("api/demo/token?tenantId=" + TestTokens.PARTNER));
        assertTrue(partner.body().contains("No demo record") && !partner.body().contains("curl"), partner::body);
        String token = partner.body().lines().skip(1).findFirst().orElseThrow();
        HttpResponse<String> read = Http.get(uri("api/v1/opportunity-insights?recordType=opportunity"
                + "&recordId=006Dn00000A1b2C"), "Authorization", "Bearer " + token);
        assertEquals(403, read.statusCode(), "a partner tenant that is not registered reads nothing, demo or not");
    }

    @Test
    void aDemoAdminTokenForThePartnerTenantOpensTheAdminApi() {
        HttpResponse<String> desk = Http.get(uri("api/demo/token?tenantId=" + TestTokens.PARTNER
                + "&role=" + TestTokens.ADMIN_ROLE), "Accept", "application/json");
        assertEquals(200, desk.statusCode(), desk::body);
        String token = Http.json(desk).getString("accessToken");
        HttpResponse<String> tenants = Http.get(uri("api/admin/v1/tenants"), "Authorization", "Bearer " + token);
        assertEquals(200, tenants.statusCode(), tenants::body);
        assertEquals(400, Http.get(uri("api/demo/token?role=Owner")).statusCode());
        // through a proxy (or pretending to be behind one) the desk is closed
        assertEquals(404, Http.get(uri("api/demo/token"), "X-Forwarded-For", "127.0.0.1").statusCode());
        assertEquals(400, Http.get(uri("api/demo/token?tenantId=contoso")).statusCode());
    }

    /**
     * The desk's application tokens (?app=) feed a tenant that lists the application, and only then; its printed
     * text names the feed call.
     */
    @Test
    void aDemoAppTokenFeedsATenantThatListsTheApp() {
        String appId = "a7c1e000-0000-4000-a000-00000000d3e0";
        HttpResponse<String> desk = Http.get(uri("api/demo/token?tenantId=" + TestTokens.CONTOSO + "&app=" + appId),
                "Accept", "application/json");
        assertEquals(200, desk.statusCode(), desk::body);
        String token = "Bearer " + Http.json(desk).getString("accessToken");
        assertTrue(Http.get(uri("api/demo/token?tenantId=" + TestTokens.CONTOSO + "&app=" + appId)).body()
                .contains("feed/v1/sources/quotes/insights/Q-1001"));
        assertEquals(400, Http.get(uri("api/demo/token?app=quotes")).statusCode());
        assertEquals(400, Http.get(uri("api/demo/token?app=" + appId + "&role=" + TestTokens.ADMIN_ROLE))
                .statusCode());
        String record = java.util.UUID.randomUUID().toString();
        String item = "{\"crmOrgUrl\": \"https://contoso.crm.dynamics.com\", \"recordType\": \"opportunity\","
                + " \"recordId\": \"" + record + "\", \"title\": \"Quote sent\","
                + " \"description\": \"Quote Q-1001 went to procurement.\"}";
        // an external id of its own: the demo feeder script (FeedDemoIT) feeds Contoso's Q-1001 on the same server
        java.net.URI feed = uri("api/feed/v1/sources/quotes/insights/Q-" + record.substring(0, 8));
        assertEquals(403, put(feed, token, null, item).statusCode(), "Contoso does not list the app yet");

        String admin = "Bearer " + Http.json(Http.get(uri("api/demo/token?tenantId=" + TestTokens.PARTNER
                + "&role=" + TestTokens.ADMIN_ROLE), "Accept", "application/json")).getString("accessToken");
        java.net.URI contoso = uri("api/admin/v1/tenants/" + TestTokens.CONTOSO);
        HttpResponse<String> registry = Http.get(contoso, "Authorization", admin);
        assertEquals(200, registry.statusCode(), registry::body);
        jakarta.json.JsonObject entry = Http.json(registry);
        jakarta.json.JsonArrayBuilder organizations = jakarta.json.Json.createArrayBuilder();
        entry.getJsonArray("organizations").getValuesAs(jakarta.json.JsonObject.class).forEach(o -> organizations
                .add(jakarta.json.Json.createObjectBuilder().add("crmType", o.getString("crmType"))
                        .add("orgUrl", o.getString("host"))));
        // the feeders Contoso lists already (the demo data's back office) stay: a PUT replaces the whole entry
        jakarta.json.JsonArrayBuilder feeders = jakarta.json.Json.createArrayBuilder();
        entry.getJsonArray("feeders").getValuesAs(jakarta.json.JsonObject.class).forEach(feeders::add);
        String listed = jakarta.json.Json.createObjectBuilder().add("displayName", entry.getString("displayName"))
                .add("organizations", organizations).add("feeders", feeders
                        .add(jakarta.json.Json.createObjectBuilder().add("appId", appId).add("name", "Demo feeder")))
                .build().toString();
        HttpResponse<String> changed = put(contoso, admin, "\"" + entry.getJsonNumber("version") + "\"", listed);
        assertEquals(200, changed.statusCode(), changed::body);

        HttpResponse<String> fed = put(feed, token, null, item);
        assertEquals(201, fed.statusCode(), fed::body);
        HttpResponse<String> read = Http.get(uri("api/v1/opportunity-insights?recordType=opportunity"
                + "&recordId=" + record + "&crmType=Dynamics365"), "Authorization",
                "Bearer " + Http.json(Http.get(uri("api/demo/token?tenantId=" + TestTokens.CONTOSO), "Accept",
                        "application/json")).getString("accessToken"));
        assertTrue(read.body().contains("\"Quote Q-1001 went to procurement.\""), read::body);
    }

    private static HttpResponse<String> put(java.net.URI uri, String authorization, String ifMatch, String json) {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(uri)
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(json));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return Http.send(request.build());
    }

    /**
     * The desk answers only under a loopback name: a page that rebinds its own name to 127.0.0.1 makes the browser
     * send that name as Host, and gets the contract's refusal; the printed curl quotes what it prints.
     */
    @Test
    void theDeskAnswersOnlyUnderALoopbackHostName() throws URISyntaxException {
        for (String host : List.of("rebound.example", "rebound.example:" + base.getPort(), "localhost.rebound.example",
                "127.0.0.1.nip.io")) {
            String refused = Http.raw(base.toURI(), "GET " + base.getPath() + "api/demo/token HTTP/1.1\r\nHost: " + host + "\r\n",
                    new byte[0]);
            assertEquals(403, Http.status(refused), refused);
            assertEquals("INSUFFICIENT_PERMISSIONS", Http.json(Http.body(refused)).getString("errorCode"));
        }
        for (String host : List.of("localhost:" + base.getPort(), "127.0.0.1:" + base.getPort(),
                "[::1]:" + base.getPort(), "LOCALHOST")) {
            String answer = Http.raw(base.toURI(), "GET " + base.getPath() + "api/demo/token HTTP/1.1\r\nHost: " + host + "\r\n",
                    new byte[0]);
            assertEquals(200, Http.status(answer), answer);
            Matcher curl = CURL.matcher(Http.body(answer));
            assertTrue(curl.find(), answer);
            assertTrue(curl.group(1).startsWith("http://" + host + base.getPath() + "api/v1/"), answer);
        }
    }

    /**
     * Given insights.demo.signing-key-file (pom.xml), the desk signs with that key, named by its thumbprint as every
     * node names it, and a token another node of the demo cluster signed with it is accepted here.
     */
    @Test
    void theSharedDemoKeySignsAndIsTrusted() throws Exception {
        com.nimbusds.jose.jwk.RSAKey shared = TestTokens.demoClusterKey();
        HttpResponse<String> desk = Http.get(uri("api/demo/token"), "Accept", "application/json");
        assertEquals(200, desk.statusCode(), desk::body);
        com.nimbusds.jwt.SignedJWT token = com.nimbusds.jwt.SignedJWT.parse(Http.json(desk).getString("accessToken"));
        assertEquals(shared.getKeyID(), token.getHeader().getKeyID());
        assertTrue(token.verify(new com.nimbusds.jose.crypto.RSASSAVerifier(shared.toRSAPublicKey())),
                "signed by the configured key");
        assertTrue(Http.get(uri("api/demo/token")).body().contains("signed by the demo cluster's shared key"));
        String fromAnotherNode = TestTokens.token(shared, TestTokens.FABRIKAM,
                claims -> claims.audience("api://sales-insights-demo"));
        HttpResponse<String> answer = Http.get(uri("api/v1/opportunity-insights?recordType=opportunity"
                + "&recordId=006Dn00000A1b2C&top=1"), "Authorization", "Bearer " + fromAnotherNode);
        assertEquals(200, answer.statusCode(), answer::body);
    }

    @Test
    void entraTokensStillWorkBesideTheDemoKey() {
        HttpResponse<String> answer = Http.get(uri("api/v1/opportunity-insights?recordType=lead"
                + "&recordId=3c59dc04-8a1e-4b2f-9d6c-7e5f4a3b2c10"), "Authorization",
                TestTokens.bearer(TestTokens.CONTOSO));
        assertEquals(200, answer.statusCode(), answer::body);
        HttpResponse<String> unsigned = Http.get(uri("api/v1/opportunity-insights?recordType=lead"
                + "&recordId=3c59dc04-8a1e-4b2f-9d6c-7e5f4a3b2c10"));
        assertEquals(401, unsigned.statusCode(), unsigned::body);
    }

    /**
     * Under the loopback address: the demo token desk answers only to a loopback Host, and Arquillian's URL names the
     * machine by its network name.
     */
    private URI uri(String relative) {
        return URI.create("http://127.0.0.1:" + base.getPort() + base.getPath()).resolve(relative);
    }
}
