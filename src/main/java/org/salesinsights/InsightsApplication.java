package org.salesinsights;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.OAuthFlow;
import org.eclipse.microprofile.openapi.annotations.security.OAuthFlows;
import org.eclipse.microprofile.openapi.annotations.security.OAuthScope;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.salesinsights.insights.boundary.ReadResponses;
import org.salesinsights.platform.errors.ApiError;
import org.salesinsights.signin.boundary.SignedInCaller;

/** The API under {@code /api}: resources and providers are discovered, no server-specific registration. */
@ApplicationPath("api")
@OpenAPIDefinition(info = @Info(
        title = "Sales insights",
        version = "1.0.0",
        description = "Curated partner insights for the Key sales info card of the Sales app in Outlook.",
        license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")),
        // the refusals the Sales app's actions share, each said once (ReadResponses names them)
        components = @Components(responses = {
            @APIResponse(name = ReadResponses.INVALID_REQUEST, description = "A parameter is missing or malformed"
                    + " (INVALID_PARAMETER), or crmOrgUrl is not one of the caller's organizations"
                    + " (INVALID_CRM_CONNECTION).", content = @Content(mediaType = "application/json",
                            schema = @Schema(ref = ApiError.SCHEMA))),
            @APIResponse(name = ReadResponses.NO_VALID_TOKEN, description = "No valid bearer token"
                    + " (INVALID_TOKEN_SPECIFIED).", content = @Content(mediaType = "application/json",
                            schema = @Schema(ref = ApiError.SCHEMA))),
            @APIResponse(name = ReadResponses.TENANT_NOT_REGISTERED, description = "The caller's tenant is not"
                    + " registered (INSUFFICIENT_PERMISSIONS).", content = @Content(mediaType = "application/json",
                            schema = @Schema(ref = ApiError.SCHEMA))),
            @APIResponse(name = ReadResponses.NOT_FOUND, description = "Nothing answers at this path (NOT_FOUND),"
                    + " for example because of a wrong host or base path in the connector.",
                    content = @Content(mediaType = "application/json", schema = @Schema(ref = ApiError.SCHEMA))),
            @APIResponse(name = ReadResponses.THROTTLED, description = "Too many calls with one sign-in"
                    + " (REQUEST_THROTTLED, answered by the reverse proxy); retry after the seconds in Retry-After.",
                    content = @Content(mediaType = "application/json", schema = @Schema(ref = ApiError.SCHEMA))),
            @APIResponse(name = ReadResponses.STORE_UNAVAILABLE, description = "The insights store is unavailable;"
                    + " retry after the seconds in Retry-After.", content = @Content(mediaType = "application/json",
                            schema = @Schema(ref = ApiError.SCHEMA))),
            @APIResponse(name = ReadResponses.SERVER_FAILURE, description = "The server failed to answer.",
                    content = @Content(mediaType = "application/json", schema = @Schema(ref = ApiError.SCHEMA)))}))
@SecurityScheme(securitySchemeName = SignedInCaller.SECURITY_SCHEME, type = SecuritySchemeType.OAUTH2,
        description = "Microsoft Entra ID (OAuth 2.0). The connector signs the user in and sends the access token"
                + " for this API's app registration as 'Authorization: Bearer <token>'.",
        flows = @OAuthFlows(authorizationCode = @OAuthFlow(
                authorizationUrl = "https://login.microsoftonline.com/common/oauth2/v2.0/authorize",
                tokenUrl = "https://login.microsoftonline.com/common/oauth2/v2.0/token",
                // OpenAPI requires the flow's scopes; Entra ID names this one api://<the API's client id>/...
                scopes = @OAuthScope(name = "user_impersonation", description = "Read sales insights as the signed-in"
                        + " user (in Entra ID: api://<the API's client id>/user_impersonation)."))))
public class InsightsApplication extends Application {
}
