package org.salesinsights.bench.security;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The benchmark's security part (bench/run.sh builds a WAR of its own with it, the baseline's application and its
 * constant resource, since a Jakarta Security mechanism applies to every request of its WAR): a bare mechanism that
 * signs in whoever sends an {@code Authorization} header, with no check of the token at all, as the application's
 * {@code EntraBearerAuthentication} signs a caller in once its checks have passed. What the constant loses here is
 * what the server's Jakarta Security pipeline costs per request on its own (Payara's JASPIC bridge around the
 * mechanism, its JACC permission checks), not the token's checks.
 */
@ApplicationScoped
public class BareBearerAuthentication implements HttpAuthenticationMechanism {

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        if (request.getHeader("Authorization") == null) {
            return context.doNothing();
        }
        return context.notifyContainerAboutLogin(new CallerPrincipal("bench"), Set.of());
    }
}
