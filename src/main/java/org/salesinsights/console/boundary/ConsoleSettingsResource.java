package org.salesinsights.console.boundary;

import java.util.Arrays;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * What the console needs before anyone signs in: whether demo tokens are offered, and the Entra ID app it signs
 * in with (MSAL's client id, authority and the API's scope). Public, as the page itself is; it holds no secret.
 */
@Path(ConsoleSettingsResource.PATH)
@RequestScoped
public class ConsoleSettingsResource {

    public static final String PATH = "console/settings";

    @Inject
    @ConfigProperty(name = "insights.demo.enabled", defaultValue = "false")
    boolean demo;

    @Inject
    @ConfigProperty(name = "insights.signin.admin-role", defaultValue = "Insights.Admin")
    String adminRole;

    @Inject
    @ConfigProperty(name = "insights.signin.admin-tenant-ids")
    Optional<String> adminTenantIds;

    @Inject
    @ConfigProperty(name = "insights.console.client-id")
    Optional<String> clientId;

    @Inject
    @ConfigProperty(name = "insights.console.authority",
            defaultValue = "https://login.microsoftonline.com/organizations")
    String authority;

    @Inject
    @ConfigProperty(name = "insights.console.scopes")
    Optional<String> scopes;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response settings() {
        JsonObjectBuilder settings = Json.createObjectBuilder().add("demo", demo)
                .add("adminRole", adminRole);
        if (demo) {
            // demo tokens for curators: of the partner's own tenant, which holds the admin role
            Arrays.stream(adminTenantIds.orElse("").split(",")).map(String::strip).filter(id -> !id.isEmpty())
                    .findFirst().ifPresent(tenant -> settings.add("demoTenantId", tenant));
        }
        Optional<String> client = clientId.map(String::strip).filter(id -> !id.isEmpty());
        if (client.isPresent()) {
            JsonArrayBuilder scopeList = Json.createArrayBuilder();
            Arrays.stream(scopes.orElse("").split(",")).map(String::strip).filter(s -> !s.isEmpty())
                    .forEach(scopeList::add);
            settings.add("entra", Json.createObjectBuilder().add("clientId", client.get())
                    .add("authority", authority.strip()).add("scopes", scopeList));
        }
        JsonObject body = settings.build();
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(body).cacheControl(noStore).build();
    }
}
