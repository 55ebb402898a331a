package org.salesinsights.signin.boundary;

import java.nio.file.Path;
import java.util.Optional;

import org.salesinsights.signin.control.TenantRegistry;

/** Sign-in as the unit tests set it up: no Entra reachable, only Fabrikam's demo tenant registered. */
final class TestSignIn {

    static final String FABRIKAM = "fab00000-0000-4000-a000-000000000002";

    private TestSignIn() {
    }

    /** Started, in demo mode or not, with the shared demo key file or none. */
    static SignIn started(boolean demo, Path demoKeyFile) {
        SignInSettings settings = new SignInSettings();
        settings.audiences = Optional.of("api://sales-insights");
        settings.adminTenantIds = Optional.empty();
        settings.jwksUri = "http://127.0.0.1:9/{tenantId}/keys"; // nothing answers: only the demo key is known
        settings.clockSkewSeconds = 60;
        settings.jwksTimeoutMillis = 200;
        settings.jwksMinRefreshSeconds = 60;
        settings.jwksMaxAgeMinutes = 60;
        settings.adminRole = "Insights.Admin";
        settings.demo = demo;
        settings.demoSigningKeyFile = Optional.ofNullable(demoKeyFile).map(Path::toString);
        SignIn signIn = new SignIn();
        signIn.settings = settings;
        signIn.tenants = FABRIKAM::equals;
        signIn.start();
        return signIn;
    }
}
