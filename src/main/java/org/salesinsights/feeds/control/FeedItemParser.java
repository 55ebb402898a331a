package org.salesinsights.feeds.control;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.salesinsights.curation.control.InsightDocument;
import org.salesinsights.curation.control.InsightDocumentParser;
import org.salesinsights.curation.control.InsightFiles;
import org.salesinsights.curation.control.TextRoom;
import org.salesinsights.insights.control.CrmRecordKey;
import org.salesinsights.insights.control.FeedNames;
import org.salesinsights.insights.control.InsightsQueryParser;
import org.salesinsights.insights.control.InvalidParameterException;
import org.salesinsights.insights.control.OrgHosts;
import org.salesinsights.insights.entity.CrmType;
import org.salesinsights.platform.errors.ApiException;
import org.salesinsights.platform.errors.ErrorCode;
import org.salesinsights.platform.requests.JsonBodies;
import org.salesinsights.platform.requests.Texts;

/**
 * Reads a feeder's insight and checks all of it at once, every problem by field in one 400 {@code INVALID_PARAMETER}:
 * its name (source and external id, from the path), its record as the read action names records ({@code crmType},
 * {@code crmOrgUrl}, {@code recordType}, {@code recordId}, normalized by the same {@link InsightsQueryParser}), and
 * its content with the curators' rules and limits ({@link InsightDocumentParser}, {@link TextRoom#CARD}). What
 * curators own (pinned, priority, hidden) and the curators' key are refused: a feed never sets them.
 */
public final class FeedItemParser {

    public static final int MAX_SOURCE = FeedNames.MAX_SOURCE;
    public static final int MAX_EXTERNAL_ID = FeedNames.MAX_EXTERNAL_ID;
    private static final int MAX_CRM_TYPE = InsightsQueryParser.MAX_CRM_TYPE_LENGTH;
    private static final int MAX_ORG_URL = InsightsQueryParser.MAX_CRM_ORG_URL_LENGTH;
    /** The record's fields, beside the insight's own. */
    static final Set<String> RECORD_FIELDS = Set.of("crmType", "crmOrgUrl", "recordType", "recordId", "recordName");
    /** What curators own, in the order problems list them. */
    static final List<String> CURATORS_FIELDS = List.of("key", "pinned", "priority", "hidden");

    private FeedItemParser() {
    }

    /** An insight to create or replace: its name from the path, its record and content from the body. */
    public static FeedItem parse(String source, String externalId, String body, InsightsQueryParser records) {
        Map<String, Object> problems = new LinkedHashMap<>();
        names(source, externalId, problems);
        FeedItem item = read(source, externalId, JsonBodies.object(body), Set.of(), new RecordNames(records), problems);
        if (!problems.isEmpty()) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "The fed insight has "
                    + InsightDocumentParser.count(problems) + "; details lists them by field.", problems);
        }
        return item;
    }

    /**
     * Reads an insight's record and content from {@code json}, whose fields beside those may only be
     * {@code others}, adding every problem to {@code problems}; null when it has any. Its name is checked elsewhere.
     */
    static FeedItem read(String source, String externalId, JsonObject json, Set<String> others,
            RecordNames records, Map<String, Object> problems) {
        int before = problems.size();
        for (String field : CURATORS_FIELDS) {
            if (json.containsKey(field)) {
                problems.put(field, "is the curators' to set; a feed never sets or changes it.");
            }
        }
        CrmRecordKey record = record(json, records, problems);
        String recordName = recordName(json, problems);
        Set<String> known = new HashSet<>(RECORD_FIELDS);
        known.addAll(others);
        known.addAll(CURATORS_FIELDS); // refused above, each with its own reason; the object is read as it is
        Map<String, Object> found = new LinkedHashMap<>();
        InsightDocument document = InsightDocumentParser.read(json, known, TextRoom.CARD, found);
        found.forEach(problems::putIfAbsent);
        // the name's problems were listed by the caller before this call, so they are not among the new ones here:
        // a missing source or external id must still make no item (an item of a batch without them was a 500)
        if (problems.size() > before || record == null || document == null || !FeedNames.isSource(source)
                || !FeedNames.isExternalId(externalId)) {
            return null;
        }
        return new FeedItem(new FeedName(source, externalId, record.crmType(), record.orgHost().orElseThrow()),
                record.recordType(), record.recordId(), recordName, document);
    }

    /** The insight a deletion names: its name from the path, its organization from the query. */
    public static FeedName name(String source, String externalId, String crmType, String crmOrgUrl) {
        Map<String, Object> problems = new LinkedHashMap<>();
        names(source, externalId, problems);
        FeedName name = name(source, externalId, crmType, crmOrgUrl, problems);
        if (!problems.isEmpty()) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "The request has "
                    + InsightDocumentParser.count(problems) + "; details lists them by parameter.", problems);
        }
        return name;
    }

    /** The organization's part of a name, adding its problems to {@code problems}; null when it has any. */
    static FeedName name(String source, String externalId, String crmType, String crmOrgUrl,
            Map<String, Object> problems) {
        Optional<CrmType> type = organizationType(crmType, problems);
        Optional<String> host = organizationHost(crmOrgUrl, problems);
        return type.isEmpty() || host.isEmpty() || source == null || externalId == null ? null
                : new FeedName(source, externalId, type.get(), host.get());
    }

    /** A CRM type that must be named (a deletion or a snapshot of an organization has no record id to tell it). */
    static Optional<CrmType> organizationType(String crmType, Map<String, Object> problems) {
        if (crmType == null || crmType.isBlank()) {
            problems.put("crmType", "is required: 'Dynamics 365' or 'Salesforce'.");
            return Optional.empty();
        }
        Optional<CrmType> type = crmType.length() > MAX_CRM_TYPE ? Optional.empty() : CrmType.ofName(crmType.strip());
        if (type.isEmpty()) {
            problems.put("crmType", "must be 'Dynamics 365' or 'Salesforce'.");
        }
        return type;
    }

    static Optional<String> organizationHost(String crmOrgUrl, Map<String, Object> problems) {
        if (crmOrgUrl == null || crmOrgUrl.isBlank()) {
            problems.put("crmOrgUrl", "is required: the CRM organization the insights are fed into.");
            return Optional.empty();
        }
        Optional<String> host = crmOrgUrl.length() > MAX_ORG_URL || Texts.hasControlOrBrokenCharacters(crmOrgUrl)
                ? Optional.empty() : OrgHosts.normalize(crmOrgUrl.strip());
        if (host.isEmpty()) {
            problems.put("crmOrgUrl", "must be the URL or host name of the CRM organization.");
        }
        return host;
    }

    /** Checks a name's source and external id. */
    static void names(String source, String externalId, Map<String, Object> problems) {
        source(source, problems);
        externalId(externalId, problems);
    }

    static void source(String source, Map<String, Object> problems) {
        if (!FeedNames.isSource(source)) {
            problems.put("source", FeedNames.SOURCE_RULE);
        }
    }

    static void externalId(String externalId, Map<String, Object> problems) {
        if (!FeedNames.isExternalId(externalId)) {
            problems.put("externalId", FeedNames.EXTERNAL_ID_RULE);
        }
    }

    /** The record, checked as the read action checks its parameters; null when it has problems. */
    private static CrmRecordKey record(JsonObject json, RecordNames records, Map<String, Object> problems) {
        int before = problems.size();
        String crmType = string(json, "crmType", problems);
        String orgUrl = string(json, "crmOrgUrl", problems);
        String recordType = string(json, "recordType", problems);
        String recordId = string(json, "recordId", problems);
        if ((orgUrl == null || orgUrl.isBlank()) && !problems.containsKey("crmOrgUrl")) {
            problems.put("crmOrgUrl", "is required: the CRM organization the insight is fed into.");
        }
        if (problems.size() > before) {
            return null;
        }
        try {
            return records.record(recordType, recordId, crmType, orgUrl);
        } catch (InvalidParameterException e) {
            problems.put(e.parameter(), e.getMessage().replaceFirst("^Parameter '[^']*' ", ""));
            return null;
        }
    }

    private static String recordName(JsonObject json, Map<String, Object> problems) {
        String name = string(json, "recordName", problems);
        if (name == null || name.isBlank()) {
            return null;
        }
        name = name.strip();
        if (name.length() > InsightFiles.MAX_RECORD_NAME || Texts.hasControlOrBrokenCharacters(name)) {
            problems.put("recordName", "must be text of at most " + InsightFiles.MAX_RECORD_NAME
                    + " characters on one line.");
            return null;
        }
        return name;
    }

    static String string(JsonObject json, String key, Map<String, Object> problems) {
        JsonValue value = json.get(key);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        problems.put(key, "must be a string.");
        return null;
    }
}
