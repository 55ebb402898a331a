package org.salesinsights.insights.control;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.salesinsights.platform.requests.JsonBodies;

/**
 * Checks and normalizes the body of the email summary action (Microsoft's "Email Summary Skill Version 2"):
 * {@code resourceData} (the email, required, an object; its content is not read), {@code relatedEntities} (the CRM
 * records of the thread, optional), {@code crmType}, {@code crmOrgUrl}, {@code top} and {@code skip}. Each record is
 * checked as the read actions check {@code recordType} and {@code recordId}, and every failure names the member of
 * the body it is about ({@code relatedEntities[1].entityId}).
 *
 * <p>{@code top} and {@code skip} are JSON integers; digits in a string are taken too, as Power Platform sends some
 * numbers as text.
 */
public final class EmailInsightsRequestParser {

    /**
     * Records of one thread read at most: a thread with more (a mailing list's contacts) is answered from its first
     * ones, connected records first. The Sales app cannot correct a request, so more are not refused.
     */
    public static final int MAX_RELATED_ENTITIES = 20;
    /** What Microsoft's data model says marks the record the email is connected to in the CRM. */
    static final String CONNECTED = "connected";

    private final InsightsQueryParser records;

    public EmailInsightsRequestParser(InsightsQueryParser records) {
        this.records = records;
    }

    public EmailInsightsQuery parse(String body) {
        JsonObject json = JsonBodies.object(body);
        JsonValue resourceData = json.get("resourceData");
        if (resourceData == null || resourceData == JsonValue.NULL) {
            throw new InvalidParameterException("resourceData", "is required: the email the summary is about.");
        }
        if (resourceData.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidParameterException("resourceData", "must be an object.");
        }
        String crmType = text(json, "crmType");
        String crmOrgUrl = text(json, "crmOrgUrl");
        String top = number(json, "top");
        String skip = number(json, "skip");
        records.checkOrganization(crmType, crmOrgUrl);
        PageRequest page = records.page(top, skip);

        JsonValue related = json.get("relatedEntities");
        if (related == null || related == JsonValue.NULL) {
            return new EmailInsightsQuery(List.of(), page);
        }
        if (!(related instanceof JsonArray entities)) {
            throw new InvalidParameterException("relatedEntities", "must be an array of CRM records.");
        }
        List<CrmRecordKey> connected = new ArrayList<>();
        List<CrmRecordKey> others = new ArrayList<>();
        for (int i = 0; i < Math.min(entities.size(), MAX_RELATED_ENTITIES); i++) {
            String where = "relatedEntities[" + i + "]";
            if (!(entities.get(i) instanceof JsonObject entity)) {
                throw new InvalidParameterException(where, "must be an object with entityType and entityId.");
            }
            String source = text(entity, "entitySource", where + ".entitySource");
            CrmRecordKey record;
            try {
                record = records.parse(text(entity, "entityType", where + ".entityType"),
                        text(entity, "entityId", where + ".entityId"), crmType, crmOrgUrl, null, null).record();
            } catch (InvalidParameterException e) {
                String member = switch (e.parameter()) {
                    case "recordType" -> where + ".entityType";
                    case "recordId" -> where + ".entityId";
                    default -> e.parameter();
                };
                throw new InvalidParameterException(member, e.getMessage().replaceFirst("^Parameter '[^']*' ", ""));
            }
            boolean isConnected = source != null && CONNECTED.equals(source.strip().toLowerCase(Locale.ROOT));
            (isConnected ? connected : others).add(record);
        }
        Set<CrmRecordKey> ordered = new LinkedHashSet<>(connected);
        ordered.addAll(others);
        return new EmailInsightsQuery(List.copyOf(ordered), page);
    }

    private static String text(JsonObject json, String key) {
        return text(json, key, key);
    }

    /** A string member, null when absent or null; anything else is the caller's mistake. */
    private static String text(JsonObject json, String key, String where) {
        JsonValue value = json.get(key);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        throw new InvalidParameterException(where, "must be a string.");
    }

    /** A whole number as text for the query parser's checks; null when absent. */
    private static String number(JsonObject json, String key) {
        JsonValue value = json.get(key);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        if (value instanceof JsonNumber number && number.isIntegral()) {
            // as written, so that a huge or negative number meets the parser's own message
            String written = number.toString();
            return written.contains("e") || written.contains("E") || written.contains(".") ? "x" : written;
        }
        throw new InvalidParameterException(key, "must be a whole number of 0 or more.");
    }
}
