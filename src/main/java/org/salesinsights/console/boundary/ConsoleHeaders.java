package org.salesinsights.console.boundary;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Locks the console's pages down: its own scripts and styles only (no inline code, so injected markup cannot run),
 * calls only to this server and to the Entra ID authority, never framed by another site, no referrer sent.
 */
@WebFilter("/console/*")
public class ConsoleHeaders extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    ConsoleSignIn console;

    private String policy;

    /** The policy, made once from the configured authority. */
    @Override
    public void init() {
        String signIn = origin(console.authority()).map(origin -> " " + origin).orElse("");
        // frames: MSAL renews tokens silently in a hidden frame that goes to the authority and comes back to this
        // page, so both may be framed, and only by this page
        policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'"
                + signIn + "; frame-src 'self'" + signIn + "; frame-ancestors 'self'; form-action 'self'" + signIn
                + "; base-uri 'none'; object-src 'none'";
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", policy);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-cache");
        chain.doFilter(request, response);
    }

    /** https://host[:port] of the authority, for the policy; nothing if it is no https URL. */
    static Optional<String> origin(String url) {
        try {
            URI uri = URI.create(url.strip());
            if ("https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null) {
                return Optional.of("https://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
            }
        } catch (IllegalArgumentException e) {
            // no origin
        }
        return Optional.empty();
    }
}
