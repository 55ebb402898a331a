package org.salesinsights.tenants.control;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.salesinsights.insights.control.OrgHosts;
import org.salesinsights.insights.entity.CrmType;
import org.salesinsights.platform.errors.ApiException;
import org.salesinsights.platform.errors.ErrorCode;
import org.salesinsights.platform.requests.JsonBodies;
import org.salesinsights.platform.requests.Texts;
import org.salesinsights.signin.control.TenantIds;

/**
 * Reads an admin's tenant document, {@code {"displayName": "...", "organizations": [{"crmType": "Dynamics 365",
 * "orgUrl": "https://contoso.crm.dynamics.com", "displayName": "..."}], "feeders": [{"appId": "<GUID>", "name":
 * "Quote system"}]}} ({@code feeders} optional: none when absent), and reports every problem at once, by
 * field, as 400 {@code INVALID_PARAMETER} with {@code details}. Unknown fields are refused: a misspelt field must
 * not be silently ignored.
 */
public final class TenantChangeParser {

    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_ORGANIZATIONS = 100;
    public static final int MAX_FEEDERS = 50;
    /** A feeder's name: history shows "app <name> (<app id>)", which must fit its 200 characters. */
    public static final int MAX_FEEDER_NAME_LENGTH = 100;
    private static final int MAX_ORG_URL_LENGTH = 2048;
    private static final Set<String> TENANT_FIELDS = Set.of("displayName", "organizations", "feeders");
    private static final Set<String> FEEDER_FIELDS = Set.of("appId", "name");
    private static final Set<String> ORGANIZATION_FIELDS = Set.of("crmType", "orgUrl", "displayName");

    private TenantChangeParser() {
    }

    public static TenantChange parse(String body) {
        JsonObject json = JsonBodies.object(body);
        Map<String, Object> problems = new LinkedHashMap<>();
        unknownFields(json, TENANT_FIELDS, "", problems);
        String displayName = name(json, "displayName", "displayName", true, problems);
        List<TenantChange.Organization> organizations = new ArrayList<>();
        JsonValue list = json.get("organizations");
        if (list == null || list.getValueType() == JsonValue.ValueType.NULL) {
            problems.put("organizations", "is required (an empty list for none).");
        } else if (list.getValueType() != JsonValue.ValueType.ARRAY) {
            problems.put("organizations", "must be a list.");
        } else if (list.asJsonArray().size() > MAX_ORGANIZATIONS) {
            problems.put("organizations", "must hold at most " + MAX_ORGANIZATIONS + " organizations.");
        } else {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < list.asJsonArray().size(); i++) {
                organization(list.asJsonArray().get(i), "organizations[" + i + "]", problems)
                        .ifPresent(org -> {
                            if (seen.add(org.crmType() + " " + org.host())) {
                                organizations.add(org);
                            }
                        });
            }
        }
        List<TenantChange.Feeder> feeders = feeders(json.get("feeders"), problems);
        if (!problems.isEmpty()) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "The tenant has " + problems.size()
                    + (problems.size() == 1 ? " problem" : " problems") + "; details lists them by field.", problems);
        }
        return new TenantChange(displayName, organizations, feeders);
    }

    /** The applications allowed to feed the tenant: none when absent; each app id once. */
    private static List<TenantChange.Feeder> feeders(JsonValue list, Map<String, Object> problems) {
        List<TenantChange.Feeder> feeders = new ArrayList<>();
        if (list == null || list.getValueType() == JsonValue.ValueType.NULL) {
            return feeders;
        }
        if (list.getValueType() != JsonValue.ValueType.ARRAY) {
            problems.put("feeders", "must be a list of {\"appId\", \"name\"}.");
            return feeders;
        }
        if (list.asJsonArray().size() > MAX_FEEDERS) {
            problems.put("feeders", "must hold at most " + MAX_FEEDERS + " applications.");
            return feeders;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.asJsonArray().size(); i++) {
            String field = "feeders[" + i + "]";
            JsonValue value = list.asJsonArray().get(i);
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                problems.put(field, "must be an object with appId and name.");
                continue;
            }
            JsonObject json = value.asJsonObject();
            int before = problems.size();
            unknownFields(json, FEEDER_FIELDS, field + ".", problems);
            String appId = text(json, "appId", field + ".appId", problems);
            Optional<String> normal = appId == null ? Optional.empty() : TenantIds.normalize(appId);
            if (appId != null && normal.isEmpty()) {
                problems.put(field + ".appId", "must be the application's (client) id, a GUID.");
            } else if (normal.isPresent() && !seen.add(normal.get())) {
                problems.put(field + ".appId", "lists the same application as an earlier feeder.");
            }
            String name = text(json, "name", field + ".name", problems);
            if (name != null && (name.length() > MAX_FEEDER_NAME_LENGTH || Texts.hasControlOrBrokenCharacters(name))) {
                problems.put(field + ".name", "must be at most " + MAX_FEEDER_NAME_LENGTH
                        + " characters, without control characters.");
            }
            if (problems.size() == before) {
                feeders.add(new TenantChange.Feeder(normal.orElseThrow(), name));
            }
        }
        return feeders;
    }

    /**
     * Reads one organization of a tenant document, adding its problems to {@code problems} by field, each named
     * after {@code field} ({@code organizations[0]}, or an empty name for an organization on its own).
     */
    public static Optional<TenantChange.Organization> organization(JsonValue value, String field,
            Map<String, Object> problems) {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            problems.put(field, "must be an object with crmType and orgUrl.");
            return Optional.empty();
        }
        JsonObject json = value.asJsonObject();
        int before = problems.size();
        String prefix = field.isEmpty() ? "" : field + ".";
        unknownFields(json, ORGANIZATION_FIELDS, prefix, problems);
        Optional<CrmType> crmType = Optional.ofNullable(text(json, "crmType", prefix + "crmType", problems))
                .flatMap(name -> {
                    Optional<CrmType> type = CrmType.ofName(name);
                    if (type.isEmpty()) {
                        problems.put(prefix + "crmType", "must be 'Dynamics 365' or 'Salesforce'.");
                    }
                    return type;
                });
        Optional<String> host = Optional.ofNullable(text(json, "orgUrl", prefix + "orgUrl", problems))
                .flatMap(url -> {
                    Optional<String> normal = url.length() > MAX_ORG_URL_LENGTH ? Optional.empty()
                            : OrgHosts.normalize(url);
                    if (normal.isEmpty()) {
                        problems.put(prefix + "orgUrl", "must be the organization's https URL or host name.");
                    }
                    return normal;
                });
        String displayName = name(json, "displayName", prefix + "displayName", false, problems);
        if (problems.size() > before || crmType.isEmpty() || host.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TenantChange.Organization(crmType.get(), host.get(), displayName));
    }

    private static void unknownFields(JsonObject json, Set<String> known, String prefix,
            Map<String, Object> problems) {
        json.keySet().stream().filter(key -> !known.contains(key)).sorted()
                .forEach(key -> problems.put(prefix + key, "is not a known field."));
    }

    private static String text(JsonObject json, String key, String field, Map<String, Object> problems) {
        JsonValue value = json.get(key);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            problems.put(field, "is required.");
            return null;
        }
        if (!(value instanceof JsonString string)) {
            problems.put(field, "must be a string.");
            return null;
        }
        if (string.getString().isBlank()) {
            problems.put(field, "must not be blank.");
            return null;
        }
        return string.getString().strip();
    }

    private static String name(JsonObject json, String key, String field, boolean required,
            Map<String, Object> problems) {
        if (!required && (!json.containsKey(key) || json.isNull(key))) {
            return null;
        }
        String name = text(json, key, field, problems);
        if (name != null && (name.length() > MAX_NAME_LENGTH || Texts.hasControlOrBrokenCharacters(name))) {
            problems.put(field, "must be at most " + MAX_NAME_LENGTH + " characters, without control characters.");
            return null;
        }
        return name;
    }
}
