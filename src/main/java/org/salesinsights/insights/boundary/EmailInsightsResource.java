package org.salesinsights.insights.boundary;

import java.io.InputStream;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.salesinsights.insights.control.AnswerKey;
import org.salesinsights.insights.control.EmailInsightsQuery;
import org.salesinsights.insights.control.EmailInsightsRequestParser;
import org.salesinsights.insights.control.LanguagePicker;
import org.salesinsights.platform.errors.ApiError;
import org.salesinsights.platform.requests.RequestBodies;
import org.salesinsights.signin.boundary.SignedInCaller;

/**
 * The email summary action of the Sales app (Microsoft's "Email Summary Skill Version 2"): the curated and fed
 * insights of the CRM records an email thread relates to, one sentence each, for the summary Copilot writes of the
 * thread. The path and the operation id are the ones Microsoft's page gives. The email itself (its body, subject and
 * addresses) is accepted as the Sales app sends it and never read: the service holds insights by CRM record, not by
 * email address. Without related records nothing fits, and the answer is an empty list.
 */
@Path("enhanceskills/email-insights-v2")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Email summary", description = "Insights for the email summary of the Sales app.")
public class EmailInsightsResource {

    /** The Sales app picks the action by this text; it must stay byte for byte as Microsoft prescribes. */
    public static final String ACTION_DESCRIPTION = "This action gets additional sales insights that will be shown in"
            + " C4S email summary experience inside outlook summary. The action enhances the existing skills of"
            + " copilot for sales.";
    /** Microsoft's operation id for the action. */
    public static final String OPERATION_ID = "scp-get-email-insights-v2";
    /**
     * A thread's whole text comes twice (plain and HTML): generous, yet bounded; the reverse proxy has the same
     * limit for this path.
     */
    public static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    @Inject
    PagingSettings paging;

    @Inject
    Answers answers;

    @Inject
    SignedInCaller caller;

    @Inject
    HttpServletRequest request;

    private EmailInsightsRequestParser parser;

    @jakarta.annotation.PostConstruct
    void create() {
        parser = new EmailInsightsRequestParser(paging.parser());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = SignedInCaller.SECURITY_SCHEME)
    @Operation(operationId = OPERATION_ID, summary = "Get email summary insights", description = ACTION_DESCRIPTION)
    @RequestBody(required = true, description = "The email thread and the CRM records it relates to.",
            extensions = {@Extension(name = "x-ms-summary", value = "Email thread"),
                @Extension(name = "x-ms-visibility", value = "important")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EmailInsightsRequest.class)))
    @APIResponse(responseCode = "200", description = "The insights of the thread's records, a page at a time.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EmailInsightsPage.class)))
    @APIResponse(responseCode = "400", description = "The body or a member of it is missing or malformed"
            + " (INVALID_PARAMETER), or crmOrgUrl is not one of the caller's organizations (INVALID_CRM_CONNECTION).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = ApiError.SCHEMA)))
    @APIResponse(responseCode = "401", ref = ReadResponses.NO_VALID_TOKEN)
    @APIResponse(responseCode = "403", ref = ReadResponses.TENANT_NOT_REGISTERED)
    @APIResponse(responseCode = "404", ref = ReadResponses.NOT_FOUND)
    @APIResponse(responseCode = "413", description = "The body is over 4 MB (PAYLOAD_TOO_LARGE).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = ApiError.SCHEMA)))
    @APIResponse(responseCode = "429", ref = ReadResponses.THROTTLED)
    @APIResponse(responseCode = "503", ref = ReadResponses.STORE_UNAVAILABLE)
    @APIResponse(responseCode = "500", ref = ReadResponses.SERVER_FAILURE)
    public Response post(InputStream body) {
        String tenantId = caller.requireCustomer().tenantId(); // before the body: a refused caller's is never read
        EmailInsightsQuery query = parser.parse(
                RequestBodies.utf8(body,
                RequestBodies.declaredLength(request.getHeader(HttpHeaders.CONTENT_LENGTH)), MAX_BODY_BYTES));
        LanguagePicker languages = LanguagePicker.of(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        if (query.records().isEmpty()) {
            return OpportunityInsights.LocalizedPage.localized(Response.ok(EmailInsightsPage.EMPTY), List.of()).build();
        }
        return answers.answer(request, AnswerKey.ofEmail(tenantId, query, languages),
                insights -> insights.findForEmail(tenantId, query, languages), EmailInsightsPage::of);
    }
}
