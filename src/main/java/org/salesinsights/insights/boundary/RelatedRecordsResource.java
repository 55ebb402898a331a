package org.salesinsights.insights.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
import org.salesinsights.insights.control.AnswerKey;
import org.salesinsights.insights.control.InsightsQuery;
import org.salesinsights.insights.control.InsightsQueryParser;
import org.salesinsights.platform.errors.ApiError;
import org.salesinsights.signin.boundary.SignedInCaller;

/**
 * The CRM record details action of the Sales app: the partner's own records (contracts, quotes, support cases) that
 * curators related to a CRM record, for the record details card. The same parameters, checks, paging, sign-in,
 * tenant binding, errors and cache as the Key sales info action; one instance serves every call.
 */
@Path("v1/related-records")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Record details", description = "Records related to a CRM record, for the record details card of the"
        + " Sales app.")
public class RelatedRecordsResource {

    /** The Sales app picks the action by this text; it must stay byte for byte as Microsoft prescribes. */
    public static final String ACTION_DESCRIPTION = "This action gets records related to a CRM record. The action"
            + " enhances the existing skills of Copilot for Sales.";

    @Inject
    PagingSettings paging;

    @Inject
    Answers answers;

    @Inject
    SignedInCaller caller;

    @Inject
    HttpServletRequest request;

    @GET
    @SecurityRequirement(name = SignedInCaller.SECURITY_SCHEME)
    @Operation(operationId = "GetRelatedRecords", summary = "Get records related to a CRM record",
            description = ACTION_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The records related to the CRM record, a page at a time.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RelatedRecordsPage.class)))
    @APIResponse(responseCode = "400", ref = ReadResponses.INVALID_REQUEST)
    @APIResponse(responseCode = "401", ref = ReadResponses.NO_VALID_TOKEN)
    @APIResponse(responseCode = "403", ref = ReadResponses.TENANT_NOT_REGISTERED)
    @APIResponse(responseCode = "404", ref = ReadResponses.NOT_FOUND)
    @APIResponse(responseCode = "429", ref = ReadResponses.THROTTLED)
    @APIResponse(responseCode = "503", description = "The store is unavailable; retry after the seconds in"
            + " Retry-After.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = ApiError.SCHEMA)))
    @APIResponse(responseCode = "500", ref = ReadResponses.SERVER_FAILURE)
    public Response get(
            @Parameter(description = "This input identifies the record type in CRM for which related records are"
                    + " requested.", required = true,
                    schema = @Schema(type = SchemaType.STRING, maxLength = InsightsQueryParser.MAX_RECORD_TYPE_LENGTH),
                    extensions = {@Extension(name = "x-ms-summary", value = "Record type"),
                        @Extension(name = "x-ms-visibility", value = "important")})
            @QueryParam("recordType") String recordType,
            @Parameter(description = "This input provides the unique identifier of the CRM record for which related"
                    + " records are requested.", required = true,
                    schema = @Schema(type = SchemaType.STRING, maxLength = InsightsQueryParser.MAX_RECORD_ID_LENGTH),
                    extensions = {@Extension(name = "x-ms-summary", value = "Record ID"),
                        @Extension(name = "x-ms-visibility", value = "important")})
            @QueryParam("recordId") String recordId,
            @Parameter(description = "This input indicates the number of related records to fetch.",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1"),
                    extensions = {@Extension(name = "x-ms-summary", value = "Top"),
                        @Extension(name = "x-ms-visibility", value = "advanced")})
            @QueryParam("top") String top,
            @Parameter(description = "This input indicates the number of records to skip when fetching related"
                    + " records.",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0"),
                    extensions = {@Extension(name = "x-ms-summary", value = "Skip"),
                        @Extension(name = "x-ms-visibility", value = "advanced")})
            @QueryParam("skip") String skip,
            @Parameter(description = "This input indicates the type of CRM the related records are fetched from.",
                    schema = @Schema(type = SchemaType.STRING, maxLength = InsightsQueryParser.MAX_CRM_TYPE_LENGTH),
                    extensions = {@Extension(name = "x-ms-summary", value = "CRM type"),
                        @Extension(name = "x-ms-visibility", value = "advanced")})
            @QueryParam("crmType") String crmType,
            @Parameter(description = "This input indicates the URL of the CRM environment the related records are"
                    + " fetched from.",
                    schema = @Schema(type = SchemaType.STRING, maxLength = InsightsQueryParser.MAX_CRM_ORG_URL_LENGTH),
                    extensions = {@Extension(name = "x-ms-summary", value = "CRM org URL"),
                        @Extension(name = "x-ms-visibility", value = "advanced")})
            @QueryParam("crmOrgUrl") String crmOrgUrl) {
        InsightsQuery query = paging.parser().parse(recordType, recordId, crmType, crmOrgUrl, top, skip);
        String tenantId = caller.requireCustomer().tenantId();
        return answers.answerShaped(request, AnswerKey.ofRelatedRecords(tenantId, query),
                insights -> insights.findRelated(tenantId, query));
    }
}
