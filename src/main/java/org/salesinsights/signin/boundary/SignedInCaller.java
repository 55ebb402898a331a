package org.salesinsights.signin.boundary;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import org.salesinsights.platform.errors.ApiException;
import org.salesinsights.platform.errors.ErrorCode;
import org.salesinsights.signin.control.Caller;
import org.salesinsights.signin.control.GuardedPaths;

/**
 * The caller of the current request, as {@link EntraBearerAuthentication} signed them in. Application-scoped: it
 * reads the request through the container's request bean, so a read action's call creates no bean of its own.
 */
@ApplicationScoped
public class SignedInCaller {

    /** The name of the OpenAPI security scheme: Entra ID's OAuth 2.0, the token sent as a bearer token. */
    public static final String SECURITY_SCHEME = "entra";
    /** The container group of callers allowed to curate. */
    public static final String ADMIN_GROUP = "Insights.Admin";
    private static final String ATTRIBUTE = Caller.class.getName();
    /** What is not under the API's path is static or the server's own (health, OpenAPI). */
    private static final String API = "/api";
    /** Answers only in demo mode and signs nobody in: it hands out the demo tokens. */
    static final String DEMO_TOKEN_PATH = API + "/" + DemoTokenResource.PATH;
    /**
     * The console's settings (console.boundary.ConsoleSettingsResource), which the console reads before anyone signs
     * in. Declared here, where the paths without sign-in are, so that sign-in depends on no component above it.
     */
    public static final String CONSOLE_SETTINGS = "console/settings";
    static final String CONSOLE_SETTINGS_PATH = API + "/" + CONSOLE_SETTINGS;

    @Inject
    HttpServletRequest request;

    @Inject
    SignIn signIn;

    @Inject
    SignInSettings settings;

    /** Every path of the API but these: the demo token desk and the console's settings, exactly as written. */
    private static final GuardedPaths GUARDED = new GuardedPaths(API, Set.of(DEMO_TOKEN_PATH, CONSOLE_SETTINGS_PATH));

    /**
     * Whether sign-in must check the request: decided on the raw path JAX-RS routes on, not only on the container's
     * decoded one (see {@link GuardedPaths}).
     */
    static boolean isSecured(HttpServletRequest request) {
        String decoded = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return GUARDED.isSecured(request.getRequestURI(), request.getContextPath(), decoded);
    }

    static void attach(HttpServletRequest request, Caller caller) {
        request.setAttribute(ATTRIBUTE, caller);
    }

    /** The signed-in caller; refuses as 401 if sign-in did not run (it always runs for the API's paths). */
    public Caller get() {
        Object caller = request.getAttribute(ATTRIBUTE);
        if (caller instanceof Caller signedIn) {
            return signedIn;
        }
        throw new ApiException(ErrorCode.INVALID_TOKEN_SPECIFIED, "Sign in with a bearer token.");
    }

    /**
     * The caller, if their tenant is a registered customer: the read actions serve only those. A partner's own tenant
     * signs in to curate, but reads nothing unless it is registered too (demo mode included).
     */
    public Caller requireCustomer() {
        Caller caller = get();
        refuseApps(caller);
        if (!signIn.isRegisteredCustomer(caller)) {
            throw new ApiException(ErrorCode.INSUFFICIENT_PERMISSIONS,
                    "Your organization's Microsoft Entra tenant is not registered for this service.");
        }
        return caller;
    }

    /** The caller, if they may curate; else 403 {@code INSUFFICIENT_PERMISSIONS}. */
    public Caller requireAdmin() {
        Caller caller = get();
        refuseApps(caller);
        if (!signIn.isAdmin(caller)) {
            throw new ApiException(ErrorCode.INSUFFICIENT_PERMISSIONS,
                    "This operation is for the partner's curators: it needs their admin app role.");
        }
        return caller;
    }

    /**
     * The caller, if it is an application signed in as itself (an app-only token with the feed role): the feed API
     * serves only those. A user's token is refused there, whatever its roles.
     */
    public Caller requireApp() {
        Caller caller = get();
        if (!caller.isApp()) {
            throw new ApiException(ErrorCode.INSUFFICIENT_PERMISSIONS, "The feed API is for applications signed in as"
                    + " themselves (an app-only token with the " + settings.feedRole() + " app role), not for"
                    + " users.");
        }
        return caller;
    }

    /** Whether the caller's token comes from one of the partner's own tenants. */
    public boolean isPartnerTenant(Caller caller) {
        return signIn.isPartnerTenant(caller);
    }

    /** The read actions and the curators' API are for users: an application's token is refused there. */
    private static void refuseApps(Caller caller) {
        if (caller.isApp()) {
            throw new ApiException(ErrorCode.INSUFFICIENT_PERMISSIONS, "This operation is for users signed in through"
                    + " an app (a delegated token); an application's own token may only feed insights.");
        }
    }
}
