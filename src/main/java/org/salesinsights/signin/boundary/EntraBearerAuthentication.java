package org.salesinsights.signin.boundary;

import java.io.IOException;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.salesinsights.platform.errors.DatabaseFailures;
import org.salesinsights.platform.errors.ErrorCode;
import org.salesinsights.platform.errors.ErrorResponses;
import org.salesinsights.platform.errors.ServletErrors;
import org.salesinsights.platform.requests.ActivityIds;
import org.salesinsights.platform.requests.ApiHeaders;
import org.salesinsights.platform.requests.RequestLogFilter;
import org.salesinsights.signin.control.Caller;
import org.salesinsights.signin.control.InvalidTokenException;
import org.salesinsights.signin.control.UnknownTenantException;

/**
 * Jakarta Security's authentication of every API call by its Entra bearer token. The same class runs on every
 * server: no server-specific API, only the standard mechanism, with the token checks in {@link SignIn}.
 *
 * <p>Refusals are answered here, in the contract's error body: 401 {@code INVALID_TOKEN_SPECIFIED} with
 * {@code WWW-Authenticate: Bearer error="invalid_token"} for a missing or bad token, 403
 * {@code INSUFFICIENT_PERMISSIONS} for a valid token of a tenant that is not registered. The reason is logged
 * with the activity id; the token never is.
 */
@ApplicationScoped
public class EntraBearerAuthentication implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(EntraBearerAuthentication.class.getName());
    private static final int MAX_LOGGED_REASON = 300;

    @Inject
    SignIn signIn;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        if (!SignedInCaller.isSecured(request)) {
            return context.doNothing();
        }
        long start = System.nanoTime();
        String activityId = ApiHeaders.prepare(request, response);
        try {
            Caller caller = signIn.authenticate(request.getHeader("Authorization"));
            SignedInCaller.attach(request, caller);
            Set<String> groups = signIn.isAdmin(caller) ? Set.of(SignedInCaller.ADMIN_GROUP) : Set.of();
            return context.notifyContainerAboutLogin(new CallerPrincipal(caller.objectId()), groups);
        } catch (InvalidTokenException e) {
            // the reason may quote claims of an unverified token: made printable and bounded
            LOG.info(() -> "Token refused, activityId=" + activityId + ": "
                    + RequestLogFilter.printable(e.getMessage(), MAX_LOGGED_REASON));
            response.setHeader("WWW-Authenticate", ErrorResponses.BEARER_CHALLENGE);
            return refuse(request, response, start, ErrorCode.INVALID_TOKEN_SPECIFIED,
                    "The bearer token is missing, expired or not meant for this API.");
        } catch (UnknownTenantException e) {
            LOG.info(() -> "Tenant refused, activityId=" + activityId + ": " + e.getMessage());
            return refuse(request, response, start, ErrorCode.INSUFFICIENT_PERMISSIONS,
                    "Your organization's Microsoft Entra tenant is not registered for this service.");
        } catch (RuntimeException e) {
            if (DatabaseFailures.isUnavailable(e)) {
                LOG.warning(() -> "Tenant registry unavailable, activityId=" + activityId + ": "
                        + DatabaseFailures.rootCause(e));
                response.setHeader("Retry-After", ErrorResponses.RETRY_AFTER_SECONDS);
                return refuse(request, response, start, ErrorCode.SERVICE_UNAVAILABLE,
                        "The insights store is unavailable; retry shortly.");
            }
            LOG.log(Level.SEVERE, "Sign-in failed, activityId=" + ActivityIds.of(request), e);
            return refuse(request, response, start, ErrorCode.INTERNAL_SERVER_ERROR,
                    "The server failed to answer. Quote the activityId when reporting this.");
        }
    }

    private static AuthenticationStatus refuse(HttpServletRequest request, HttpServletResponse response, long start,
            ErrorCode errorCode, String message) {
        try {
            ServletErrors.send(request, response, start, errorCode, message);
        } catch (IOException e) {
            LOG.fine(() -> "The caller left before the refusal was sent: " + e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
