package org.salesinsights.console.boundary;

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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.salesinsights.signin.boundary.SignInSettings;
import org.salesinsights.signin.boundary.SignedInCaller;

/**
 * What the console needs before anyone signs in: whether demo tokens are offered, and the Entra ID app it signs
 * in with (MSAL's client id, authority and the API's scope). Public, as the page itself is; it holds no secret.
 */
@Path(SignedInCaller.CONSOLE_SETTINGS)
@RequestScoped
public class ConsoleSettingsResource {

    @Inject
    SignInSettings signIn;

    @Inject
    ConsoleSignIn console;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response settings() {
        JsonObjectBuilder settings = Json.createObjectBuilder().add("demo", signIn.demo())
                .add("adminRole", signIn.adminRole());
        if (signIn.demo()) {
            // demo tokens for curators: of the partner's own tenant, which holds the admin role
            signIn.firstAdminTenantId().ifPresent(tenant -> settings.add("demoTenantId", tenant));
        }
        console.clientId().ifPresent(client -> {
            JsonArrayBuilder scopeList = Json.createArrayBuilder();
            console.scopes().forEach(scopeList::add);
            settings.add("entra", Json.createObjectBuilder().add("clientId", client)
                    .add("authority", console.authority()).add("scopes", scopeList));
        });
        JsonObject body = settings.build();
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(body).cacheControl(noStore).build();
    }
}
