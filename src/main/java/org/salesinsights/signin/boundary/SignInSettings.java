package org.salesinsights.signin.boundary;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How callers sign in: MicroProfile Config keys, overridable by system properties or environment variables. */
@ApplicationScoped
public class SignInSettings {

    @Inject
    @ConfigProperty(name = "insights.signin.audiences")
    Optional<String> audiences;

    @Inject
    @ConfigProperty(name = "insights.signin.jwks-uri",
            defaultValue = "https://login.microsoftonline.com/{tenantId}/discovery/v2.0/keys")
    String jwksUri;

    @Inject
    @ConfigProperty(name = "insights.signin.clock-skew-seconds", defaultValue = "60")
    long clockSkewSeconds;

    @Inject
    @ConfigProperty(name = "insights.signin.jwks-timeout-ms", defaultValue = "2000")
    long jwksTimeoutMillis;

    @Inject
    @ConfigProperty(name = "insights.signin.jwks-min-refresh-seconds", defaultValue = "60")
    long jwksMinRefreshSeconds;

    @Inject
    @ConfigProperty(name = "insights.signin.jwks-max-age-minutes", defaultValue = "1440")
    long jwksMaxAgeMinutes;

    @Inject
    @ConfigProperty(name = "insights.signin.token-cache-size", defaultValue = "100000")
    long tokenCacheSize;

    @Inject
    @ConfigProperty(name = "insights.signin.admin-role", defaultValue = "Insights.Admin")
    String adminRole;

    @Inject
    @ConfigProperty(name = "insights.signin.admin-tenant-ids")
    Optional<String> adminTenantIds;

    /** The app role of applications that feed insights (app-only tokens); see {@code EntraTokenValidator}. */
    @Inject
    @ConfigProperty(name = "insights.signin.feed-role", defaultValue = "Insights.Feed")
    String feedRole = "Insights.Feed";

    @Inject
    @ConfigProperty(name = "insights.demo.enabled", defaultValue = "false")
    boolean demo;

    /** A PKCS#8 PEM file of the RSA key every node of a demo cluster signs demo tokens with; read in demo mode only. */
    @Inject
    @ConfigProperty(name = "insights.demo.signing-key-file")
    Optional<String> demoSigningKeyFile = Optional.empty();

    @Inject
    @ConfigProperty(name = "insights.demo.tenant-id", defaultValue = "fab00000-0000-4000-a000-000000000002")
    String demoTenantId;

    /** The API's client id and app id URI: the {@code aud} values accepted. */
    public Set<String> audiences() {
        return trimmed(audiences);
    }

    /** The JWKS endpoint of a tenant. */
    public String jwksUri(String tenantId) {
        return jwksUri.replace("{tenantId}", tenantId);
    }

    /** How many verified tokens are remembered (by their SHA-256) until they expire. */
    public long tokenCacheSize() {
        return tokenCacheSize;
    }

    public Duration clockSkew() {
        return Duration.ofSeconds(clockSkewSeconds);
    }

    public Duration jwksTimeout() {
        return Duration.ofMillis(jwksTimeoutMillis);
    }

    public Duration jwksMinRefresh() {
        return Duration.ofSeconds(jwksMinRefreshSeconds);
    }

    public Duration jwksMaxAge() {
        return Duration.ofMinutes(jwksMaxAgeMinutes);
    }

    public String adminRole() {
        return adminRole;
    }

    public String feedRole() {
        return feedRole;
    }

    /** The partner's own tenants: only their users may hold the admin role here. */
    public Set<String> adminTenantIds() {
        return trimmed(adminTenantIds);
    }

    /** The first of the partner's tenants in the order configured: the tenant of the console's demo curators. */
    public Optional<String> firstAdminTenantId() {
        return adminTenantIds.stream().flatMap(list -> Arrays.stream(list.split(","))).map(String::strip)
                .filter(id -> !id.isEmpty()).findFirst();
    }

    public boolean demo() {
        return demo;
    }

    /** The shared demo key's file, when one is configured (blank counts as none). */
    public Optional<Path> demoSigningKeyFile() {
        return demoSigningKeyFile.map(String::strip).filter(file -> !file.isEmpty()).map(Path::of);
    }

    public String demoTenantId() {
        return demoTenantId;
    }

    /** A comma-separated list (read as text: one server's config cannot inject an optional list). */
    private static Set<String> trimmed(Optional<String> values) {
        Set<String> result = new TreeSet<>();
        values.stream().flatMap(list -> Arrays.stream(list.split(","))).map(String::strip)
                .filter(v -> !v.isEmpty()).forEach(result::add);
        return result;
    }
}
