package org.salesinsights.console.boundary;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The Entra ID app the console signs curators in with, as configured: MSAL's client id (none: no Entra sign-in), the
 * authority (also the one origin besides this server the console's pages may call and frame) and the API's scopes.
 */
@ApplicationScoped
public class ConsoleSignIn {

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

    /** The console's client id, when Entra sign-in is set up (blank counts as none). */
    public Optional<String> clientId() {
        return clientId.map(String::strip).filter(id -> !id.isEmpty());
    }

    public String authority() {
        return authority.strip();
    }

    /** The scopes the console asks for, from a comma-separated list. */
    public List<String> scopes() {
        return Arrays.stream(scopes.orElse("").split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
