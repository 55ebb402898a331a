package org.salesinsights.signin.boundary;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.salesinsights.platform.errors.ApiException;
import org.salesinsights.platform.errors.ErrorCode;
import org.salesinsights.signin.control.DemoTokens;
import org.salesinsights.signin.control.LocalHosts;
import org.salesinsights.signin.control.TenantIds;

/**
 * Demo mode's token desk: a token for a demo tenant (a user's, or with {@code ?app=<app id>} an application's
 * app-only token for the feed API), and the {@code curl} that uses it. It exists only in demo mode
 * (404 otherwise, like any unknown path) and answers only callers on this machine who call it by a loopback name
 * ({@code Host}), so that a page elsewhere cannot have a browser here fetch a token (DNS rebinding).
 */
@Path(DemoTokenResource.PATH)
@RequestScoped
public class DemoTokenResource {

    static final String PATH = "demo/token";
    private static final Pattern IP_LITERAL = Pattern.compile(
            "\\d{1,3}(\\.\\d{1,3}){3}|\\[?[0-9A-Fa-f]*:[0-9A-Fa-f:.%]{1,60}]?");
    /** Each demo tenant's own opportunity (the demo seed, META-INF/seed/demo.json), so that the printed curl shows that tenant's insights. */
    private static final Map<String, String> EXAMPLES = Map.of(
            "c07050c0-0000-4000-a000-000000000001", "v1/opportunity-insights?recordType=opportunity"
                    + "&recordId=d1c6a4e2-5f3b-4c8e-9a7d-2b1e0f6c3a91&crmType=Dynamics365&top=2",
            "fab00000-0000-4000-a000-000000000002", "v1/opportunity-insights?recordType=opportunity"
                    + "&recordId=006Dn00000A1b2C&crmType=Salesforce&top=2",
            "ada70000-0000-4000-a000-000000000003", "v1/opportunity-insights?recordType=opportunity"
                    + "&recordId=a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d&crmType=Dynamics365&top=2");
    private static final String ADMIN_EXAMPLE = "admin/v1/tenants";
    /** Each demo tenant's own organization, for the printed feed call of an application's token. */
    private static final Map<String, String> FEED_EXAMPLES = Map.of(
            "c07050c0-0000-4000-a000-000000000001", "https://contoso.crm.dynamics.com",
            "ada70000-0000-4000-a000-000000000003", "https://adatum.crm4.dynamics.com");

    @Inject
    SignIn signIn;

    @Inject
    SignInSettings settings;

    @Context
    HttpServletRequest request;

    @Context
    UriInfo uri;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(hidden = true)
    public String text(@QueryParam("tenantId") String tenantId, @QueryParam("role") String role,
            @QueryParam("app") String app) {
        String token = mint(tenantId, role, app);
        String api = uri.getBaseUri().toString();
        String tenant = tenantOf(tenantId);
        if (app != null) {
            return appText(token, api, tenant);
        }
        boolean curator = role != null && settings.adminTenantIds().contains(tenant);
        String example = curator ? ADMIN_EXAMPLE : role != null ? null : EXAMPLES.get(tenant);
        String printed = "# A demo token (valid for one hour, signed by " + (signIn.demo().orElseThrow().shared()
                ? "the demo cluster's shared key" : "this server's demo key") + "):\n" + token + "\n";
        if (example == null) {
            return printed + "\n# No demo record belongs to this tenant: call the actions for a record of one of its"
                    + " organizations (an unregistered tenant gets 403; see docs/sign-in.md).\n";
        }
        return printed + "\n" + (curator ? "# List the registered tenants with it (the curators' API):\n"
                        : "# Call the Key sales info action with it, for an opportunity of this tenant:\n")
                + "curl -i " + LocalHosts.singleQuoted(api + example) + " \\\n"
                + "     -H " + LocalHosts.singleQuoted("Authorization: Bearer " + token) + "\n";
    }

    /** For the console and scripts that ask for JSON; text is the default (quality of source 0.5 against 1). */
    @GET
    @Produces("application/json;qs=0.5")
    @Operation(hidden = true)
    public JsonObject json(@QueryParam("tenantId") String tenantId, @QueryParam("role") String role,
            @QueryParam("app") String app) {
        return Json.createObjectBuilder()
                .add("tokenType", "Bearer")
                .add("accessToken", mint(tenantId, role, app))
                .add("expiresIn", SignIn.demoTokenLifetime().toSeconds())
                .build();
    }

    /** An application's token, and a feed call that uses it (for the tenant's demo organization, if it has one). */
    private String appText(String token, String api, String tenant) {
        String printed = "# A demo app-only token (valid for one hour, role " + settings.feedRole() + "): it feeds"
                + " only organizations of tenants whose registry entry lists the app (feeders; see docs/feeds.md).\n"
                + token + "\n";
        String organization = FEED_EXAMPLES.get(tenant);
        if (organization == null) {
            return printed;
        }
        String body = "{\"crmOrgUrl\": \"" + organization + "\", \"recordType\": \"opportunity\", \"recordId\":"
                + " \"d1c6a4e2-5f3b-4c8e-9a7d-2b1e0f6c3a91\", \"title\": \"Quote sent\", \"description\":"
                + " \"Quote Q-1001 went to procurement.\"}";
        return printed + "\n# Feed an insight with it (once the app is listed in the tenant's feeders):\n"
                + "curl -i -X PUT " + LocalHosts.singleQuoted(api + "feed/v1/sources/quotes/insights/Q-1001") + " \\\n"
                + "     -H " + LocalHosts.singleQuoted("Authorization: Bearer " + token) + " \\\n"
                + "     -H 'Content-Type: application/json' \\\n"
                + "     -d " + LocalHosts.singleQuoted(body) + "\n";
    }

    private String mint(String tenantId, String role, String app) {
        DemoTokens demo = signIn.demo().filter(d -> isDirectAndLocal(request))
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "Not Found."));
        if (!LocalHosts.isLoopback(request.getHeader("Host"))) {
            // a page elsewhere can point its own name at 127.0.0.1 and have a browser here call the desk
            throw new ApiException(ErrorCode.INSUFFICIENT_PERMISSIONS, "The demo token desk answers only under a loopback"
                    + " name or address: http://localhost:<port>/api/demo/token.");
        }
        String tenant = tenantOf(tenantId);
        if (!TenantIds.normalize(tenant).filter(tenant::equals).isPresent()) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "Parameter 'tenantId' must be a lower-case GUID.");
        }
        if (app != null) {
            if (role != null) {
                throw new ApiException(ErrorCode.INVALID_PARAMETER, "Parameter 'role' is for users' tokens; an"
                        + " application's token (app) always has the role " + settings.feedRole() + ".");
            }
            String appId = TenantIds.normalize(app).orElseThrow(() -> new ApiException(ErrorCode.INVALID_PARAMETER,
                    "Parameter 'app' must be an application (client) id, a GUID."));
            return demo.mintApp(tenant, appId, Set.of(settings.feedRole()), Instant.now(),
                    SignIn.demoTokenLifetime());
        }
        if (role != null && !role.equals(settings.adminRole())) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER,
                    "Parameter 'role' can only be " + settings.adminRole() + ".");
        }
        return demo.mint(tenant, role == null ? Set.of() : Set.of(role), Instant.now(), SignIn.demoTokenLifetime());
    }

    private String tenantOf(String tenantId) {
        return tenantId == null || tenantId.isBlank() ? settings.demoTenantId() : tenantId.strip();
    }

    /**
     * Whether the caller connected from this machine (loopback or a local interface) and not through a proxy: a
     * server that takes the client address from X-Forwarded-For (WildFly behind nginx) would otherwise believe
     * whatever the caller wrote there.
     */
    private static boolean isDirectAndLocal(HttpServletRequest request) {
        if (request.getHeader("X-Forwarded-For") != null || request.getHeader("Forwarded") != null) {
            return false;
        }
        String address = request.getRemoteAddr();
        if (address == null || !IP_LITERAL.matcher(address).matches()) {
            return false; // getByName would take null for loopback, and look a name up
        }
        try {
            InetAddress caller = InetAddress.getByName(address); // an IP literal: no name lookup
            return caller.isLoopbackAddress() || NetworkInterface.getByInetAddress(caller) != null;
        } catch (IOException e) {
            return false;
        }
    }
}
