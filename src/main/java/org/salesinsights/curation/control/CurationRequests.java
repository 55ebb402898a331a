package org.salesinsights.curation.control;

import java.util.List;
import java.util.Map;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.salesinsights.insights.control.CrmRecordKey;
import org.salesinsights.insights.control.InsightsQueryParser;
import org.salesinsights.insights.control.InvalidParameterException;
import org.salesinsights.insights.control.OrgHosts;
import org.salesinsights.insights.entity.CrmType;
import org.salesinsights.platform.errors.ApiException;
import org.salesinsights.platform.errors.ErrorCode;
import org.salesinsights.platform.requests.JsonBodies;
import org.salesinsights.platform.requests.RequestBodies;
import org.salesinsights.platform.requests.Texts;

/**
 * The curators' requests as the API reads them: the organization of a query, and the bodies that are not an insight
 * ({@link InsightDocumentParser}) or a file ({@link InsightFiles}). Each refusal is a 400 naming the field.
 */
public final class CurationRequests {

    private CurationRequests() {
    }

    /** An organization named by the query's {@code crmType} and {@code orgUrl}. */
    public record Organization(CrmType crmType, String host) {
    }

    /** A record to add, as {@code POST records} names it. */
    public record RecordToAdd(CrmRecordKey key, String displayName) {
    }

    /** The organization both parameters name; null when neither is given (every organization). */
    public static Organization organizationOrAll(String crmType, String orgUrl) {
        return crmType == null && orgUrl == null ? null : organization(crmType, orgUrl);
    }

    public static Organization organization(String crmType, String orgUrl) {
        CrmType type = CrmType.ofName(crmType == null ? "" : crmType).orElseThrow(
                () -> new InvalidParameterException("crmType", "must be 'Dynamics 365' or 'Salesforce'."));
        String host = OrgHosts.normalize(orgUrl == null || orgUrl.length() > 2048 ? "" : orgUrl).orElseThrow(
                () -> new InvalidParameterException("orgUrl", "must be the organization's https URL or host name."));
        return new Organization(type, host);
    }

    /** crmType, orgUrl, recordType, recordId and an optional displayName. */
    public static RecordToAdd recordToAdd(String body, InsightsQueryParser records) {
        JsonObject json = JsonBodies.object(body);
        CrmRecordKey key = key(string(json, "recordType"), string(json, "crmType"), string(json, "recordId"),
                string(json, "orgUrl"), records);
        String displayName = string(json, "displayName");
        displayName = displayName == null || displayName.isBlank() ? null : displayName.strip();
        if (displayName != null && (displayName.length() > InsightFiles.MAX_RECORD_NAME
                || Texts.hasControlOrBrokenCharacters(displayName))) {
            throw new InvalidParameterException("displayName", "must be text of at most "
                    + InsightFiles.MAX_RECORD_NAME + " characters on one line.");
        }
        return new RecordToAdd(key, displayName);
    }

    /** {@code {"insightIds": [...]}}: the record's insight ids in their new order. */
    public static List<Long> order(String body) {
        JsonObject json = JsonBodies.object(body);
        if (!(json.get("insightIds") instanceof JsonArray ids) || json.size() != 1
                || !ids.stream().allMatch(id -> id instanceof JsonNumber number && number.isIntegral())) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "The body must be {\"insightIds\": [...]}.",
                    Map.of("insightIds", "must be the list of the record's insight ids, in the new order."));
        }
        return ids.getValuesAs(JsonNumber.class).stream().map(JsonNumber::longValue).toList();
    }

    /** {@code {"hidden": true}} or {@code {"hidden": false}}. */
    public static boolean hidden(String body) {
        JsonObject json = JsonBodies.object(body);
        JsonValue hidden = json.get("hidden");
        if (json.size() != 1 || (hidden != JsonValue.TRUE && hidden != JsonValue.FALSE)) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "The body must be {\"hidden\": true} or"
                    + " {\"hidden\": false}.", Map.of("hidden", "must be true or false."));
        }
        return hidden == JsonValue.TRUE;
    }

    /** A file to import, CSV or JSON, read and checked row by row. */
    public static InsightFiles.Read file(byte[] bytes, boolean csv, InsightsQueryParser records) {
        String text = utf8(bytes);
        return csv ? InsightFiles.readCsv(text, records) : InsightFiles.readJson(text, records);
    }

    /** UTF-8 text, or 400 in a file's words. */
    private static String utf8(byte[] body) {
        try {
            return RequestBodies.text(body);
        } catch (ApiException e) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "The file must be UTF-8 text.");
        }
    }

    private static CrmRecordKey key(String recordType, String crmType, String recordId, String orgUrl,
            InsightsQueryParser records) {
        if (orgUrl == null || orgUrl.isBlank()) {
            throw new InvalidParameterException("orgUrl", "is required.");
        }
        try {
            return records.parse(recordType, recordId, crmType, orgUrl, null, null).record();
        } catch (InvalidParameterException e) {
            throw e.parameter().equals("crmOrgUrl") ? new InvalidParameterException("orgUrl",
                    "must be the organization's https URL or host name.") : e;
        }
    }

    private static String string(JsonObject json, String key) {
        return json.get(key) instanceof JsonString text ? text.getString() : null;
    }
}
