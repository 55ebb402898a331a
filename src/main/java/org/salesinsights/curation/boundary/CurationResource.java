package org.salesinsights.curation.boundary;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.salesinsights.curation.boundary.CurationViews.ChangeView;
import org.salesinsights.curation.boundary.CurationViews.ImportReport;
import org.salesinsights.curation.boundary.CurationViews.InsightView;
import org.salesinsights.curation.boundary.CurationViews.RecordView;
import org.salesinsights.curation.control.CurationRequests;
import org.salesinsights.curation.control.InsightDocumentParser;
import org.salesinsights.curation.control.InsightFiles;
import org.salesinsights.insights.boundary.OpportunityInsights;
import org.salesinsights.insights.boundary.PagingSettings;
import org.salesinsights.insights.control.CrmRecordKey;
import org.salesinsights.insights.control.InsightsQuery;
import org.salesinsights.insights.control.LanguagePicker;
import org.salesinsights.platform.errors.ApiException;
import org.salesinsights.platform.errors.ErrorCode;
import org.salesinsights.platform.requests.IfMatch;
import org.salesinsights.platform.requests.RequestBodies;
import org.salesinsights.signin.boundary.SignedInCaller;

/**
 * The curators' API: the records of an organization, and the insights of a record to read, create, change,
 * reorder, pin, schedule and delete. Changes need the version last read ({@code If-Match}: 428 without it, 412
 * when stale); each is recorded with the curator who made it.
 */
@Path("admin/v1")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration", description = "For the partner's curators (admin app role in the partner's tenant).")
@SecurityRequirement(name = SignedInCaller.SECURITY_SCHEME)
public class CurationResource {

    static final String CSV = "text/csv";
    static final int MAX_FILE_BYTES = 20_000_000;
    /** A record to add: five short fields. */
    static final int MAX_RECORD_BYTES = 8 * 1024;
    /** An insight or a translation: short texts and a few properties; and a new order of a record's insights. */
    static final int MAX_DOCUMENT_BYTES = 64 * 1024;

    @Inject
    SignedInCaller caller;

    @Inject
    Curation curation;

    @Inject
    InsightHistory history;

    @Inject
    InsightTransfers transfers;

    @Inject
    PagingSettings paging;

    @Inject
    OpportunityInsights insights;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @GET
    @Path("records")
    @Operation(operationId = "ListRecords", summary = "List the records of an organization",
            description = "Lists the CRM records of an organization with the number of insights each has.")
    public List<RecordView> records(@QueryParam("crmType") String crmType, @QueryParam("orgUrl") String orgUrl) {
        caller.requireAdmin();
        CurationRequests.Organization organization = CurationRequests.organization(crmType, orgUrl);
        return curation.records(organization.crmType(), organization.host());
    }

    @POST
    @Path("records")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT)))
    @Operation(operationId = "PutRecord", summary = "Add a record",
            description = "Adds a CRM record to curate, or finds it: crmType, orgUrl, recordType, recordId and an"
                    + " optional displayName.")
    @APIResponse(responseCode = "201", description = "Added.")
    @APIResponse(responseCode = "200", description = "It was there already.")
    public Response addRecord(InputStream body) {
        caller.requireAdmin();
        CurationRequests.RecordToAdd added = CurationRequests.recordToAdd(body(body, MAX_RECORD_BYTES),
                paging.parser());
        CrmRecordKey key = added.key();
        Curation.RecordFound record = curation.record(key.crmType(), key.orgHost().orElseThrow(), key.recordType(),
                key.recordId(), added.displayName());
        return (record.made()
                ? Response.created(uri.getBaseUriBuilder().path("admin/v1/records/{id}/insights")
                        .build(record.view().id()))
                : Response.ok()).entity(record.view()).build();
    }

    @GET
    @Path("records/{recordId}/insights")
    @Operation(operationId = "ListRecordInsights", summary = "List the insights of a record",
            description = "Lists every insight of the record, also those outside their validity window.")
    public List<InsightView> insights(@PathParam("recordId") long recordId) {
        caller.requireAdmin();
        return curation.insights(recordId);
    }

    @POST
    @Path("records/{recordId}/insights")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT)))
    @Operation(operationId = "CreateInsight", summary = "Create an insight",
            description = "Creates an insight of the record; every problem of the document is listed by field.")
    @APIResponse(responseCode = "201", description = "Created; ETag is its version.")
    public Response create(@PathParam("recordId") long recordId, InputStream body) {
        String by = caller.requireAdmin().objectId();
        InsightView created = curation.create(recordId,
                InsightDocumentParser.parse(body(body, MAX_DOCUMENT_BYTES)), by);
        return tagged(Response.created(uri.getBaseUriBuilder().path("admin/v1/insights/{id}").build(created.id())),
                created);
    }

    @PUT
    @Path("records/{recordId}/order")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT)))
    @Operation(operationId = "ReorderInsights", summary = "Reorder the insights of a record",
            description = "Orders the record's insights as listed in insightIds (every one, once); pinned ones"
                    + " still come first.")
    public List<InsightView> reorder(@PathParam("recordId") long recordId, InputStream body) {
        String by = caller.requireAdmin().objectId();
        return curation.reorder(recordId, CurationRequests.order(body(body, MAX_DOCUMENT_BYTES)), by);
    }

    @GET
    @Path("insights/{id}")
    @Operation(operationId = "GetInsight", summary = "Get an insight",
            description = "Gets one insight; its ETag is the version to send back in If-Match.")
    public Response insight(@PathParam("id") long id) {
        caller.requireAdmin();
        InsightView insight = curation.insight(id);
        return tagged(Response.ok(), insight);
    }

    @PUT
    @Path("insights/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT)))
    @Operation(operationId = "UpdateInsight", summary = "Change an insight",
            description = "Replaces the insight, if If-Match names its current version.")
    @APIResponse(responseCode = "412", description = "Someone changed it since; nothing was changed.")
    @APIResponse(responseCode = "428", description = "If-Match is missing.")
    public Response update(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            InputStream body) {
        String by = caller.requireAdmin().objectId();
        long version = IfMatch.required(ifMatch);
        InsightView updated = curation.update(id, version,
                InsightDocumentParser.parse(body(body, MAX_DOCUMENT_BYTES)), by);
        return tagged(Response.ok(), updated);
    }

    @DELETE
    @Path("insights/{id}")
    @Operation(operationId = "DeleteInsight", summary = "Delete an insight",
            description = "Deletes the insight, if If-Match names its current version.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    public void delete(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        String by = caller.requireAdmin().objectId();
        curation.delete(id, IfMatch.required(ifMatch), by);
    }

    @PUT
    @Path("insights/{id}/hidden")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT, example = "{\"hidden\": true}")))
    @Operation(operationId = "HideInsight", summary = "Hide an insight from sellers",
            description = "Hides the insight from sellers ({\"hidden\": true}) or shows it again (false), if If-Match"
                    + " names its current version. A curator's choice: a feed's later updates of a fed insight never"
                    + " change it.")
    @APIResponse(responseCode = "412", description = "Someone changed it since; nothing was changed.")
    @APIResponse(responseCode = "428", description = "If-Match is missing.")
    public Response hide(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            InputStream body) {
        String by = caller.requireAdmin().objectId();
        long version = IfMatch.required(ifMatch);
        boolean hidden = CurationRequests.hidden(body(body, MAX_RECORD_BYTES));
        return tagged(Response.ok(), curation.hide(id, version, hidden, by));
    }

    @PUT
    @Path("insights/{id}/translations/{language}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT)))
    @Operation(operationId = "TranslateInsight", summary = "Translate an insight",
            description = "Adds or replaces the insight's title, description and properties in another language,"
                    + " if If-Match names its current version; sellers asking for that language get them.")
    public Response translate(@PathParam("id") long id, @PathParam("language") String language,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, InputStream body) {
        String by = caller.requireAdmin().objectId();
        long version = IfMatch.required(ifMatch);
        InsightView updated = curation.translate(id, version, InsightDocumentParser.languageTag(language, "language"),
                InsightDocumentParser.parseTranslation(body(body, MAX_DOCUMENT_BYTES)), by);
        return tagged(Response.ok(), updated);
    }

    @DELETE
    @Path("insights/{id}/translations/{language}")
    @Operation(operationId = "DeleteTranslation", summary = "Delete a translation",
            description = "Removes the insight's translation into a language, if If-Match names its current"
                    + " version.")
    public Response untranslate(@PathParam("id") long id, @PathParam("language") String language,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        String by = caller.requireAdmin().objectId();
        long version = IfMatch.required(ifMatch);
        InsightView updated = curation.untranslate(id, version,
                InsightDocumentParser.languageTag(language, "language"), by);
        return tagged(Response.ok(), updated);
    }

    @GET
    @Path("insights/{id}/history")
    @Operation(operationId = "InsightHistory", summary = "Who changed an insight",
            description = "Lists every change of the insight: what, which version, by whom and when.")
    public List<ChangeView> history(@PathParam("id") long id) {
        caller.requireAdmin();
        return history.of(id);
    }

    @GET
    @Path("records/{recordId}/preview")
    @Operation(operationId = "PreviewRecordInsights", summary = "What sellers see for a record",
            description = "The Key sales info action's answer for the record, as its organization's sellers get it"
                    + " now (only insights valid now, text cut to the limits, in the language Accept-Language asks"
                    + " for): what the console's card preview shows.")
    @APIResponse(responseCode = "409", description = "The record's organization belongs to no tenant: no seller"
            + " sees its insights.")
    public Response preview(@PathParam("recordId") long recordId, @QueryParam("top") String top,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        caller.requireAdmin();
        Curation.Readers readers = curation.readers(recordId);
        String tenantId = readers.tenantId().orElseThrow(() -> new ApiException(ErrorCode.CONFLICT, "The record's"
                + " organization belongs to no tenant, so no seller sees its insights; register it with a tenant."));
        CrmRecordKey record = readers.record();
        InsightsQuery query = paging.parser().parse(record.recordType(), record.recordId(), record.crmType().label(),
                record.orgHost().orElseThrow(), top, null);
        return insights.find(tenantId, query, LanguagePicker.of(acceptLanguage)).response();
    }

    @POST
    @Path("import")
    @Consumes({MediaType.APPLICATION_JSON, CSV})
    @Operation(operationId = "ImportInsights", summary = "Import insights from a file",
            description = "Imports a JSON ({\"insights\": [...], \"relatedRecords\": [...]}) or CSV (insights only)"
                    + " file of insights and related records of many records, all or"
                    + " nothing: a file with any problem changes nothing and every problem is listed by line and"
                    + " field. Insights are matched by record and key, so importing a file again duplicates nothing;"
                    + " a file from the export imports cleanly.")
    @APIResponse(responseCode = "200", description = "Imported: what was made, changed, or already so.")
    @APIResponse(responseCode = "400", description = "The file has problems; details lists them by line.")
    public ImportReport importFile(@HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type, InputStream body)
            throws IOException {
        String by = caller.requireAdmin().objectId();
        // read only after the role check, and never more than the limit
        byte[] bytes;
        try {
            bytes = RequestBodies.bytes(body, RequestBodies.declaredLength(headers), MAX_FILE_BYTES);
        } catch (ApiException e) {
            throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "A file may be at most " + MAX_FILE_BYTES / 1_000_000
                    + " MB; split it.", e.details());
        }
        InsightFiles.Read file = CurationRequests.file(bytes, type != null && type.isCompatible(MediaType.valueOf(CSV)),
                paging.parser());
        return transfers.importFile(file, by);
    }

    @GET
    @Path("export")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "ExportInsights", summary = "Export insights to a file",
            description = "Every insight of an organization (crmType and orgUrl), or of all organizations, as a"
                    + " file the import reads back: JSON with translations, or CSV (Accept: text/csv) without.")
    @APIResponse(responseCode = "200", description = "The file, as an attachment.", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
                    description = "{\"insights\": [...], \"relatedRecords\": [...]}, as the import reads it.")),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING,
                    description = "A header row naming the columns, then one insight a row."))})
    @APIResponse(responseCode = "400", description = "crmType or orgUrl is malformed.")
    public Response exportJson(@QueryParam("crmType") String crmType, @QueryParam("orgUrl") String orgUrl) {
        caller.requireAdmin();
        return download(transfers.exportJson(CurationRequests.organizationOrAll(crmType, orgUrl)), "insights.json");
    }

    @GET
    @Path("export")
    @Produces(CSV)
    @Operation(hidden = true)
    public Response exportCsv(@QueryParam("crmType") String crmType, @QueryParam("orgUrl") String orgUrl) {
        caller.requireAdmin();
        return download(transfers.exportCsv(CurationRequests.organizationOrAll(crmType, orgUrl)), "insights.csv");
    }

    private static Response download(String file, String name) {
        return Response.ok(file.getBytes(StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    /** The body, read only now that the caller is known to be a curator, and never past the operation's limit. */
    private String body(InputStream body, int maxBytes) {
        return RequestBodies.utf8(body, RequestBodies.declaredLength(headers), maxBytes);
    }

    /** The insight as the answer, its version as the ETag (what If-Match sends back). */
    private static Response tagged(Response.ResponseBuilder answer, InsightView insight) {
        return answer.tag(new EntityTag(String.valueOf(insight.version()))).entity(insight).build();
    }
}
