package org.salesinsights.insights.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import java.util.Optional;

import org.salesinsights.insights.control.AnswerKey;
import org.salesinsights.insights.control.InsightsQuery;
import org.salesinsights.insights.control.InsightsQueryParser;
import org.salesinsights.insights.control.LanguagePicker;
import org.salesinsights.signin.boundary.SignedInCaller;

/**
 * The Key sales info action of the Sales app: curated insights for one CRM record, a page at a time. One instance
 * serves every call: a request-scoped resource cost a bean creation and Jersey's field injection on every call,
 * about a third of what a cached answer costs the server.
 */
@Path("v1/opportunity-insights")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Key sales info", description = "Insights for the Key sales info card of the Sales app in Outlook.")
public class OpportunityInsightsResource {

    /** The Sales app picks the action by this text; it must stay byte for byte as Microsoft prescribes. */
    public static final String ACTION_DESCRIPTION = "This action gets additional sales insights that will be shown"
            + " in C4S key sales info card in outlook sidecar. The action enhances the existing skills of copilot"
            + " for sales.";

    @Inject
    PagingSettings paging;

    @Inject
    Answers answers;

    @Inject
    SignedInCaller caller;

    /** The container's request bean, read on the request's thread: cheaper than a {@code @Context} parameter. */
    @Inject
    HttpServletRequest request;

    @GET
    @SecurityRequirement(name = SignedInCaller.SECURITY_SCHEME)
    @Operation(operationId = "GetKeySalesInsights", summary = "Get key sales info insights",
            description = ACTION_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The insights of the record, a page at a time.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = OpportunityInsightsPage.class)))
    @APIResponse(responseCode = "400", ref = ReadResponses.INVALID_REQUEST)
    @APIResponse(responseCode = "401", ref = ReadResponses.NO_VALID_TOKEN)
    @APIResponse(responseCode = "403", ref = ReadResponses.TENANT_NOT_REGISTERED)
    @APIResponse(responseCode = "404", ref = ReadResponses.NOT_FOUND)
    @APIResponse(responseCode = "429", ref = ReadResponses.THROTTLED)
    @APIResponse(responseCode = "503", ref = ReadResponses.STORE_UNAVAILABLE)
    @APIResponse(responseCode = "500", ref = ReadResponses.SERVER_FAILURE)
    public Response get(
            @Parameter(description = "This input identifies the record type in CRM for which key sales info is"
                    + " requested.", required = true,
                    schema = @Schema(type = SchemaType.STRING, maxLength = InsightsQueryParser.MAX_RECORD_TYPE_LENGTH),
                    extensions = {@Extension(name = "x-ms-summary", value = "Record type"),
                        @Extension(name = "x-ms-visibility", value = "important")})
            @QueryParam("recordType") String recordType,
            @Parameter(description = "This input provides the unique identifier of the CRM record for which key"
                    + " sales info is requested.", required = true,
                    schema = @Schema(type = SchemaType.STRING, maxLength = InsightsQueryParser.MAX_RECORD_ID_LENGTH),
                    extensions = {@Extension(name = "x-ms-summary", value = "Record ID"),
                        @Extension(name = "x-ms-visibility", value = "important")})
            @QueryParam("recordId") String recordId,
            @Parameter(description = "This input indicates the type of CRM in which the CRM record exists, for"
                    + " which key sales info is requested.",
                    schema = @Schema(type = SchemaType.STRING, maxLength = InsightsQueryParser.MAX_CRM_TYPE_LENGTH),
                    extensions = {@Extension(name = "x-ms-summary", value = "CRM type"),
                        @Extension(name = "x-ms-visibility", value = "advanced")})
            @QueryParam("crmType") String crmType,
            @Parameter(description = "This input indicates the URL of the CRM environment in which the CRM record"
                    + " exists, for which key sales info is requested.",
                    schema = @Schema(type = SchemaType.STRING, maxLength = InsightsQueryParser.MAX_CRM_ORG_URL_LENGTH),
                    extensions = {@Extension(name = "x-ms-summary", value = "CRM org URL"),
                        @Extension(name = "x-ms-visibility", value = "advanced")})
            @QueryParam("crmOrgUrl") String crmOrgUrl,
            @Parameter(description = "This input indicates the number of sales highlights to fetch.",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1"),
                    extensions = {@Extension(name = "x-ms-summary", value = "Top"),
                        @Extension(name = "x-ms-visibility", value = "advanced")})
            @QueryParam("top") String top,
            @Parameter(description = "This input indicates the number of items to skip when fetching sales"
                    + " highlights.",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0"),
                    extensions = {@Extension(name = "x-ms-summary", value = "Skip"),
                        @Extension(name = "x-ms-visibility", value = "advanced")})
            @QueryParam("skip") String skip) {
        InsightsQuery query = paging.parser().parse(recordType, recordId, crmType, crmOrgUrl, top, skip);
        String tenantId = caller.requireCustomer().tenantId();
        LanguagePicker languages = LanguagePicker.of(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        return answers.answer(request, AnswerKey.of(tenantId, query, Optional.empty(), languages),
                insights -> insights.find(tenantId, query, languages), page -> page);
    }
}
