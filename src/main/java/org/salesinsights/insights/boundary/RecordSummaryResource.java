package org.salesinsights.insights.boundary;

import java.util.Optional;

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
import org.salesinsights.insights.control.AnswerKey;
import org.salesinsights.insights.control.InsightsQuery;
import org.salesinsights.insights.control.InsightsQueryParser;
import org.salesinsights.insights.control.LanguagePicker;
import org.salesinsights.insights.control.TimeWindow;
import org.salesinsights.signin.boundary.SignedInCaller;

/**
 * The record summary action of the Sales app: the same curated insights of a CRM record, only those with a time,
 * filtered by that time, for the record summary card. One instance serves every call, as
 * {@link OpportunityInsightsResource} does.
 */
@Path("v1/record-summary-insights")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Record summary", description = "Insights for the record summary card of the Sales app.")
public class RecordSummaryResource {

    /** The Sales app picks the action by this text; it must stay byte for byte as Microsoft prescribes. */
    public static final String ACTION_DESCRIPTION = "This action gets additional sales insights related to a CRM"
            + " record that will be shown in the C4S record summary card. The action enhances the existing skills of"
            + " copilot for sales.";

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
    @Operation(operationId = "GetRecordSummaryInsights", summary = "Get record summary insights",
            description = ACTION_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The dated insights of the record, a page at a time.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RecordSummaryPage.class)))
    @APIResponse(responseCode = "400", ref = ReadResponses.INVALID_REQUEST)
    @APIResponse(responseCode = "401", ref = ReadResponses.NO_VALID_TOKEN)
    @APIResponse(responseCode = "403", ref = ReadResponses.TENANT_NOT_REGISTERED)
    @APIResponse(responseCode = "404", ref = ReadResponses.NOT_FOUND)
    @APIResponse(responseCode = "429", ref = ReadResponses.THROTTLED)
    @APIResponse(responseCode = "503", ref = ReadResponses.STORE_UNAVAILABLE)
    @APIResponse(responseCode = "500", ref = ReadResponses.SERVER_FAILURE)
    public Response get(
            @Parameter(description = "This input identifies the record type in CRM for which the record summary"
                    + " insights are requested.", required = true,
                    schema = @Schema(type = SchemaType.STRING, maxLength = InsightsQueryParser.MAX_RECORD_TYPE_LENGTH),
                    extensions = {@Extension(name = "x-ms-summary", value = "Record type"),
                        @Extension(name = "x-ms-visibility", value = "important")})
            @QueryParam("recordType") String recordType,
            @Parameter(description = "This input provides the unique identifier of the CRM record for which the"
                    + " record summary insights are requested.", required = true,
                    schema = @Schema(type = SchemaType.STRING, maxLength = InsightsQueryParser.MAX_RECORD_ID_LENGTH),
                    extensions = {@Extension(name = "x-ms-summary", value = "Record ID"),
                        @Extension(name = "x-ms-visibility", value = "important")})
            @QueryParam("recordId") String recordId,
            @Parameter(description = "This input indicates the start of the time range of the insights to fetch.",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"),
                    extensions = {@Extension(name = "x-ms-summary", value = "Start date time"),
                        @Extension(name = "x-ms-visibility", value = "advanced")})
            @QueryParam("startDateTime") String startDateTime,
            @Parameter(description = "This input indicates the end of the time range of the insights to fetch.",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"),
                    extensions = {@Extension(name = "x-ms-summary", value = "End date time"),
                        @Extension(name = "x-ms-visibility", value = "advanced")})
            @QueryParam("endDateTime") String endDateTime,
            @Parameter(description = "This input indicates the number of insights to fetch.",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1"),
                    extensions = {@Extension(name = "x-ms-summary", value = "Top"),
                        @Extension(name = "x-ms-visibility", value = "advanced")})
            @QueryParam("top") String top,
            @Parameter(description = "This input indicates the number of insights to skip when fetching them.",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0"),
                    extensions = {@Extension(name = "x-ms-summary", value = "Skip"),
                        @Extension(name = "x-ms-visibility", value = "advanced")})
            @QueryParam("skip") String skip,
            @Parameter(description = "This input indicates the type of CRM in which the CRM record exists.",
                    schema = @Schema(type = SchemaType.STRING, maxLength = InsightsQueryParser.MAX_CRM_TYPE_LENGTH),
                    extensions = {@Extension(name = "x-ms-summary", value = "CRM type"),
                        @Extension(name = "x-ms-visibility", value = "advanced")})
            @QueryParam("crmType") String crmType,
            @Parameter(description = "This input indicates the host name of the CRM environment in which the CRM"
                    + " record exists.",
                    schema = @Schema(type = SchemaType.STRING, maxLength = InsightsQueryParser.MAX_CRM_ORG_URL_LENGTH),
                    extensions = {@Extension(name = "x-ms-summary", value = "CRM org URL"),
                        @Extension(name = "x-ms-visibility", value = "advanced")})
            @QueryParam("crmOrgUrl") String crmOrgUrl) {
        InsightsQuery query = paging.parser().parse(recordType, recordId, crmType, crmOrgUrl, top, skip);
        TimeWindow window = TimeWindow.parse(startDateTime, endDateTime);
        String tenantId = caller.requireCustomer().tenantId();
        LanguagePicker languages = LanguagePicker.of(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        return answers.answer(request, AnswerKey.of(tenantId, query, Optional.of(window), languages),
                insights -> insights.findDated(tenantId, query, window, languages), RecordSummaryPage::of);
    }
}
