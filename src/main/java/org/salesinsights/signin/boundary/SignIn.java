package org.salesinsights.signin.boundary;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.salesinsights.platform.CacheFigures;
import org.salesinsights.signin.control.Caller;
import org.salesinsights.signin.control.DemoTokens;
import org.salesinsights.signin.control.EntraTokenValidator;
import org.salesinsights.signin.control.InvalidTokenException;
import org.salesinsights.signin.control.JwksCache;
import org.salesinsights.signin.control.SigningKeys;
import org.salesinsights.signin.control.TenantRegistry;
import org.salesinsights.signin.control.UnknownTenantException;
import org.salesinsights.signin.control.VerifiedTokens;

/**
 * Turns an {@code Authorization} header into a {@link Caller}: Entra access tokens of registered tenants (and of the
 * partner's admin tenants), checked against each tenant's keys, and in demo mode also the tokens of the demo key.
 */
@ApplicationScoped
public class SignIn {

    private static final Logger LOG = Logger.getLogger(SignIn.class.getName());
    private static final String BEARER = "bearer ";
    /** Entra's access tokens are a few kilobytes; anything far larger is not one. */
    private static final int MAX_TOKEN_LENGTH = 16 * 1024;

    @Inject
    SignInSettings settings;

    @Inject
    TenantRegistry tenants;

    private EntraTokenValidator validator;
    private VerifiedTokens verified;
    private Optional<DemoTokens> demo = Optional.empty();

    @PostConstruct
    void start() {
        SigningKeys keys = new JwksCache(tenantId -> URI.create(settings.jwksUri(tenantId)), settings.jwksTimeout(),
                settings.jwksMinRefresh(), settings.jwksMaxAge(), Clock.systemUTC());
        Set<String> audiences = new HashSet<>(settings.audiences());
        if (settings.demo()) {
            // a configured key that cannot be used stops the start: a node with a key of its own would refuse the
            // tokens of every other node of the demo cluster, and no one would see why
            DemoTokens tokens = settings.demoSigningKeyFile().map(DemoTokens::fromPemFile).orElseGet(DemoTokens::new);
            keys = tokens.trustedAlongside(keys);
            audiences.add(DemoTokens.AUDIENCE);
            demo = Optional.of(tokens);
            LOG.warning("DEMO MODE: demo tokens signed by " + (tokens.shared() ? "the shared demo key "
                    + tokens.keyId() + " (insights.demo.signing-key-file)" : "this server's demo key")
                    + " are accepted. Never use demo mode for real customers (insights.demo.enabled=false).");
        } else if (settings.demoSigningKeyFile().isPresent()) {
            LOG.info("insights.demo.signing-key-file is set but demo mode is off: the file is not read and demo"
                    + " tokens are refused.");
        }
        if (audiences.isEmpty()) {
            LOG.severe("insights.signin.audiences is not set: every token is refused. Set it to the API's client id"
                    + " and app id URI.");
        }
        validator = new EntraTokenValidator(audiences, settings.clockSkew(), keys, Clock.systemUTC(), this::known,
                settings.feedRole());
        verified = new VerifiedTokens(settings.tokenCacheSize(), keys, settings.clockSkew(), Clock.systemUTC());
    }

    /** The caller of a request, from its {@code Authorization} header. */
    public Caller authenticate(String authorization) throws InvalidTokenException, UnknownTenantException {
        if (authorization == null || authorization.isBlank()) {
            throw new InvalidTokenException("no Authorization header");
        }
        if (authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new InvalidTokenException("Authorization is not a bearer token");
        }
        String token = authorization.substring(BEARER.length()).strip();
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new InvalidTokenException("token longer than " + MAX_TOKEN_LENGTH + " characters");
        }
        Optional<Caller> known = verified.recognise(token);
        if (known.isPresent()) {
            return known.get();
        }
        EntraTokenValidator.Verified checked = validator.verify(token);
        verified.remember(token, checked);
        return checked.caller();
    }

    /** The figures of the cache of verified tokens, for operators. */
    public CacheFigures tokenCacheFigures() {
        return verified.figures();
    }

    /**
     * Whether the caller may curate: a user (never an application, whatever roles its token carries) with the admin
     * app role, granted in one of the partner's own tenants.
     */
    public boolean isAdmin(Caller caller) {
        return !caller.isApp() && caller.hasRole(settings.adminRole())
                && settings.adminTenantIds().contains(caller.tenantId());
    }

    /** Whether the caller's token was issued in one of the partner's own tenants. */
    public boolean isPartnerTenant(Caller caller) {
        return settings.adminTenantIds().contains(caller.tenantId());
    }

    /** Whether the caller's tenant is in the registry (its users may read insights). */
    public boolean isRegisteredCustomer(Caller caller) {
        return tenants.isRegistered(caller.tenantId());
    }

    /** The demo key, present only in demo mode. */
    public Optional<DemoTokens> demo() {
        return demo;
    }

    /** Whether tokens of this tenant may be accepted: a registered customer, or one of the partner's tenants. */
    private boolean known(String tenantId) {
        return settings.adminTenantIds().contains(tenantId) || tenants.isRegistered(tenantId);
    }

    static Duration demoTokenLifetime() {
        return Duration.ofHours(1);
    }
}
