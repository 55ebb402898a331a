package org.salesinsights.connector;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * What Power Platform certification and the Sales app check in a connector package, as a list of what breaks
 * them (empty: none). The rules are those of shared/contract.md: summaries and descriptions everywhere and in
 * their form, the prescribed descriptions byte for byte, the extensions certified Sales connectors carry,
 * explicit responses, the map schema, the connection test, the OAuth settings.
 */
public final class ConnectorRules {

    static final String KEY_SALES = "GetKeySalesInsights";
    static final String RECORD_SUMMARY = "GetRecordSummaryInsights";
    /** Microsoft's operation id for the email summary (its page "Enrich email summary ..."). */
    static final String EMAIL_SUMMARY = "scp-get-email-insights-v2";
    /** The Sales app's actions: certification's rules plus Microsoft's for them. */
    static final String RECORD_DETAILS = "GetRelatedRecords";
    static final List<String> ACTIONS = List.of(KEY_SALES, RECORD_SUMMARY, EMAIL_SUMMARY, RECORD_DETAILS);
    static final Map<String, String> PRESCRIBED = Map.ofEntries(
            Map.entry(KEY_SALES, "This action gets additional sales insights that will be shown in C4S key sales"
                    + " info card in outlook sidecar. The action enhances the existing skills of copilot for sales."),
            Map.entry(RECORD_SUMMARY, "This action gets additional sales insights related to a CRM record that will"
                    + " be shown in the C4S record summary card. The action enhances the existing skills of copilot"
                    + " for sales."),
            Map.entry(KEY_SALES + " recordType", "This input identifies the record type in CRM for which key sales"
                    + " info is requested."),
            Map.entry(KEY_SALES + " recordId", "This input provides the unique identifier of the CRM record for which"
                    + " key sales info is requested."),
            Map.entry(KEY_SALES + " crmType", "This input indicates the type of CRM in which the CRM record exists,"
                    + " for which key sales info is requested."),
            Map.entry(KEY_SALES + " crmOrgUrl", "This input indicates the URL of the CRM environment in which the CRM"
                    + " record exists, for which key sales info is requested."),
            Map.entry(KEY_SALES + " top", "This input indicates the number of sales highlights to fetch."),
            Map.entry(KEY_SALES + " skip", "This input indicates the number of items to skip when fetching sales"
                    + " highlights."),
            Map.entry("OpportunityInsight title", "This output indicates the title of citation card for the"
                    + " insight."),
            Map.entry("OpportunityInsight description", "This output indicates the text of the insight to be"
                    + " included in key sales info."),
            Map.entry("OpportunityInsight url", "This output indicates the URL to learn more about the insight."),
            Map.entry("OpportunityInsight dateTime", "This output indicates the time associated with the insight."),
            Map.entry("OpportunityInsight additionalProperties", "This output indicates additional properties as"
                    + " name-value pairs of each related insight returned by the action."),
            // the email summary (Microsoft's "Email Summary Skill Version 2"): a body, not query parameters
            Map.entry(EMAIL_SUMMARY, "This action gets additional sales insights that will be shown in C4S email"
                    + " summary experience inside outlook summary. The action enhances the existing skills of copilot"
                    + " for sales."),
            Map.entry("EmailInsightsRequest resourceData", "This input identifies the email content which is a"
                    + " collection of email thread, subject, and other details."),
            Map.entry("EmailInsightsRequest relatedEntities", "This input identifies the array of CRM records, which"
                    + " is related to the email thread."),
            Map.entry("EmailInsightsRequest crmType", "This input indicates the type of CRM in which the record"
                    + " related to the email thread exists."),
            Map.entry("EmailInsightsRequest crmOrgUrl", "This input indicates the URL of the CRM environment in which"
                    + " the record related to the email thread exists."),
            Map.entry("EmailInsightsRequest top", "This input indicates the number of file links to fetch."),
            Map.entry("EmailInsightsRequest skip", "This input indicates the number of items to skip when fetching"
                    + " suggested file links."),
            Map.entry("EmailInsightsRequest resourceData.plaintextBody", "This input provides all the content from"
                    + " the email thread in text format."),
            Map.entry("EmailInsightsRequest resourceData.fullHtmlBody", "This input provides all the content from"
                    + " the email thread in HTML format."),
            Map.entry("EmailInsightsRequest resourceData.subject", "This input provides the subject of the email."),
            Map.entry("EmailInsightsRequest resourceData.from", "This input provides the sender's email address."),
            Map.entry("EmailInsightsRequest resourceData.to", "This input provides the receiver's email address."),
            Map.entry("EmailInsightsRequest resourceData.cc", "This input provides all the receiver's email addresses"
                    + " that are included in the Cc field of the email."),
            Map.entry("EmailInsightsRequest resourceData.bcc", "This input provides all the receiver's email"
                    + " addresses that are added in the Bcc field of the email."),
            Map.entry("EmailInsightsRequest resourceData.sentDateTime", "This input provides the timestamp of the"
                    + " email."),
            Map.entry("EmailInsightsRequest resourceData.messageId", "This input provides the message ID of the"
                    + " email."),
            Map.entry("EmailInsightsRequest resourceData.conversationId", "This input provides the conversation ID"
                    + " of the email thread."),
            Map.entry("RelatedEntity entityId", "This input provides the unique identifier of the CRM record that is"
                    + " related to the email thread."),
            Map.entry("RelatedEntity entityType", "This input identifies the record type in CRM, which is related to"
                    + " the email thread."),
            Map.entry("RelatedEntity entitySource", "This input indicates the entity source type."),
            // the CRM record details (Microsoft's "Enrich CRM record details ...")
            Map.entry(RECORD_DETAILS, "This action gets records related to a CRM record. The action enhances the"
                    + " existing skills of Copilot for Sales."),
            Map.entry(RECORD_DETAILS + " recordType", "This input identifies the record type in CRM for which related"
                    + " records are requested."),
            Map.entry(RECORD_DETAILS + " recordId", "This input provides the unique identifier of the CRM record for"
                    + " which related records are requested."),
            Map.entry(RECORD_DETAILS + " top", "This input indicates the number of related records to fetch."),
            Map.entry(RECORD_DETAILS + " skip", "This input indicates the number of records to skip when fetching"
                    + " related records."),
            Map.entry(RECORD_DETAILS + " crmType", "This input indicates the type of CRM the related records are"
                    + " fetched from."),
            Map.entry(RECORD_DETAILS + " crmOrgUrl", "This input indicates the URL of the CRM environment the related"
                    + " records are fetched from."),
            Map.entry("RelatedRecord recordId", "This output uniquely identifies each related record returned by the"
                    + " action."),
            Map.entry("RelatedRecord recordTypeDisplayName", "This output indicates the display name of record type"
                    + " of each related record returned by the action."),
            Map.entry("RelatedRecord recordTypePluralDisplayName", "This output indicates the plural display name of"
                    + " the record type of each related record returned by the action."),
            Map.entry("RelatedRecord recordType", "This output indicates the type of each related record returned by"
                    + " the action."),
            Map.entry("RelatedRecord recordTitle", "This output indicates the title of each related record returned"
                    + " by the action."),
            Map.entry("RelatedRecord url", "This output indicates the URL of each related record returned by the"
                    + " action."),
            Map.entry("RelatedRecord additionalProperties", "This output indicates additional properties as"
                    + " name-value pairs of each related record returned by the action."),
            // Microsoft's page has two spaces after "This" (a typo its rendering shows as one): the words as shown
            Map.entry("EmailInsight insight", "This output indicates the text you would like to be included in the"
                    + " email summary."));
    /** Every prescribed text of a definition must be there: a renamed property would otherwise escape the check. */
    static final List<String> PRESCRIBED_DEFINITIONS = List.of("OpportunityInsight", "EmailInsightsRequest",
            "RelatedEntity", "EmailInsight", "RelatedRecord");
    static final List<String> ERROR_CODES = List.of("400", "401", "403", "404", "429", "500");
    private static final Pattern FORBIDDEN_IN_SUMMARY = Pattern.compile("[/\\\\<>*%&?]");
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

    private ConnectorRules() {
    }

    public static List<String> violations(JsonObject swagger, JsonObject apiProperties) {
        List<String> problems = new ArrayList<>();
        JsonObject info = swagger.getJsonObject("info");
        String title = info.getString("title", "");
        if (title.isEmpty() || title.length() > 30 || title.matches(".*\\b(API|Connector)\\b.*")) {
            problems.add("info.title must be 1 to 30 characters without 'API' or 'Connector': " + title);
        }
        JsonObject contact = info.getJsonObject("contact");
        if (contact == null || !contact.containsKey("name") || !contact.containsKey("url")
                || !contact.containsKey("email")) {
            problems.add("info.contact needs name, url and email");
        }
        List<String> metadata = swagger.containsKey("x-ms-connector-metadata")
                ? swagger.getJsonArray("x-ms-connector-metadata").getValuesAs(JsonObject.class).stream()
                        .map(m -> m.getString("propertyName")).toList() : List.of();
        for (String needed : List.of("Website", "Privacy policy", "Categories")) {
            if (!metadata.contains(needed)) {
                problems.add("x-ms-connector-metadata lacks " + needed);
            }
        }
        JsonObject capabilities = swagger.getJsonObject("x-ms-capabilities");
        String testConnection = capabilities == null || !capabilities.containsKey("testConnection") ? null
                : capabilities.getJsonObject("testConnection").getString("operationId", null);
        boolean testConnectionFound = false;
        for (Map.Entry<String, JsonValue> path : swagger.getJsonObject("paths").entrySet()) {
            for (Map.Entry<String, JsonValue> method : path.getValue().asJsonObject().entrySet()) {
                JsonObject operation = method.getValue().asJsonObject();
                String id = operation.getString("operationId", method.getKey() + " " + path.getKey());
                operation(id, operation, problems);
                if (id.equals(testConnection)) {
                    testConnectionFound = true;
                    if (!"internal".equals(operation.getString("x-ms-visibility", ""))) {
                        problems.add(id + ": the connection test must have x-ms-visibility internal");
                    }
                }
            }
        }
        if (!testConnectionFound) {
            problems.add("x-ms-capabilities.testConnection must name an operation of the package");
        }
        swagger.getJsonObject("definitions").forEach((name, schema) -> definition(name, schema.asJsonObject(),
                problems));
        for (String key : PRESCRIBED.keySet()) {
            String name = key.split(" ")[0];
            if (key.contains(" ") && PRESCRIBED_DEFINITIONS.contains(name) && !has(swagger.getJsonObject("definitions")
                    .getJsonObject(name), key.substring(name.length() + 1))) {
                problems.add(key + ": Microsoft's output or input is missing");
            }
        }
        oauth(apiProperties, problems);
        return problems;
    }

    private static void operation(String id, JsonObject operation, List<String> problems) {
        String summary = operation.getString("summary", "");
        String description = operation.getString("description", "");
        summary(id, summary, problems);
        description(id, description, summary, problems);
        if (ACTIONS.contains(id)) {
            JsonObject openai = operation.getJsonObject("x-ms-openai-data");
            if (openai == null || openai.get("openai-enabled") != JsonValue.TRUE) {
                problems.add(id + ": x-ms-openai-data must have openai-enabled true");
            }
        }
        if (PRESCRIBED.containsKey(id) && !PRESCRIBED.get(id).equals(description)) {
            problems.add(id + ": the description must be Microsoft's, byte for byte");
        }
        JsonArray parameters = operation.getJsonArray("parameters");
        for (JsonObject parameter : parameters == null ? List.<JsonObject>of()
                : parameters.getValuesAs(JsonObject.class)) {
            String name = parameter.getString("name");
            String where = id + " parameter " + name;
            String parameterDescription = parameter.getString("description", "");
            String parameterSummary = parameter.getString("x-ms-summary", "");
            label(where + " x-ms-summary", parameterSummary, problems);
            description(where, parameterDescription, parameterSummary, problems);
            if (!parameter.containsKey("x-ms-visibility")) {
                problems.add(where + ": x-ms-visibility is missing");
            }
            if (PRESCRIBED.containsKey(id + " " + name)
                    && !PRESCRIBED.get(id + " " + name).equals(parameterDescription)) {
                problems.add(where + ": the description must be Microsoft's, byte for byte");
            }
            if (name.equals("connectorId")) {
                problems.add(where + ": connectorId is reserved");
            }
            if (parameter.getBoolean("required", false) && ACTIONS.contains(id)
                    && !name.equals("recordType") && !name.equals("recordId") && !"body".equals(parameter.getString("in"))) {
                problems.add(where + ": the Sales app refuses actions with other required parameters");
            }
        }
        JsonObject responses = operation.getJsonObject("responses");
        if (responses.containsKey("default")) {
            problems.add(id + ": no default response; every status explicitly");
        }
        if (!responses.containsKey("200") || !responses.getJsonObject("200").containsKey("schema")) {
            problems.add(id + ": 200 with its schema is missing");
        }
        if (!id.startsWith("TestConnection")) {
            for (String code : ERROR_CODES) {
                JsonObject response = responses.getJsonObject(code);
                if (response == null || !response.containsKey("schema")
                        || !"#/definitions/Error".equals(response.getJsonObject("schema").getString("$ref", ""))) {
                    problems.add(id + ": " + code + " with the error body is missing");
                }
            }
        }
    }

    /** Sentence case, at most 80 characters, none of / \ < > * % & ?, no trailing punctuation. */
    static void summary(String where, String summary, List<String> problems) {
        if (summary.isEmpty() || summary.length() > 80) {
            problems.add(where + ": a summary of 1 to 80 characters is needed: '" + summary + "'");
            return;
        }
        if (FORBIDDEN_IN_SUMMARY.matcher(summary).find()) {
            problems.add(where + ": a summary must not hold / \\ < > * % & ?: '" + summary + "'");
        }
        if (!Character.isUpperCase(summary.charAt(0))) {
            problems.add(where + ": a summary starts with a capital: '" + summary + "'");
        }
        String[] words = summary.split(" ");
        for (int i = 1; i < words.length; i++) {
            String word = words[i];
            boolean titleCased = word.length() > 1 && Character.isUpperCase(word.charAt(0))
                    && !word.equals(word.toUpperCase());
            if (titleCased) {
                problems.add(where + ": a summary is in sentence case ('" + word + "'): '" + summary + "'");
            }
        }
        if (!Character.isLetterOrDigit(summary.charAt(summary.length() - 1))) {
            problems.add(where + ": a summary ends without punctuation: '" + summary + "'");
        }
    }

    /**
     * An {@code x-ms-summary}: the label a maker sees, so Title Case is fine (Microsoft's own are "Calendar ID");
     * otherwise a summary's rules.
     */
    static void label(String where, String label, List<String> problems) {
        if (label.isEmpty() || label.length() > 80 || FORBIDDEN_IN_SUMMARY.matcher(label).find()
                || !Character.isLetterOrDigit(label.charAt(label.length() - 1))) {
            problems.add(where + ": a label of 1 to 80 characters without / \\ < > * % & ? or trailing"
                    + " punctuation is needed: '" + label + "'");
        }
    }

    /** A sentence: a capital first, a period last, and not the summary again. */
    static void description(String where, String description, String summary, List<String> problems) {
        if (description.isEmpty() || !Character.isUpperCase(description.charAt(0)) || !description.endsWith(".")) {
            problems.add(where + ": a description is a sentence ending with a period: '" + description + "'");
        }
        if (description.equals(summary) || description.equals(summary + ".")) {
            problems.add(where + ": the description must say more than the summary");
        }
    }

    private static void definition(String name, JsonObject schema, List<String> problems) {
        properties(name, "", schema, problems);
    }

    /** The properties of a definition, and of the objects written inline in it ({@code prefix}: their path). */
    private static void properties(String name, String prefix, JsonObject schema, List<String> problems) {
        JsonObject properties = schema.getJsonObject("properties");
        if (properties == null) {
            return;
        }
        properties.forEach((property, value) -> {
            JsonObject definition = value.asJsonObject();
            String where = name + "." + prefix + property;
            String key = name + " " + prefix + property;
            label(where + " x-ms-summary", definition.getString("x-ms-summary", ""), problems);
            if (PRESCRIBED.containsKey(key)
                    && !PRESCRIBED.get(key).equals(definition.getString("description", ""))) {
                problems.add(where + ": the description must be Microsoft's, byte for byte");
            }
            properties(name, prefix + property + ".", definition, problems);
            if (property.equals("additionalProperties")) {
                JsonValue map = definition.get("additionalProperties");
                if (!(map instanceof JsonObject entries) || !"string".equals(entries.getString("type", ""))) {
                    problems.add(where + ": a map is {type: object, additionalProperties: {type: string}}");
                }
            }
        });
    }

    /** Whether the schema has the property at this dotted path. */
    private static boolean has(JsonObject schema, String path) {
        JsonObject at = schema;
        for (String part : path.split("\\.")) {
            if (at == null || at.getJsonObject("properties") == null) {
                return false;
            }
            at = at.getJsonObject("properties").getJsonObject(part);
        }
        return at != null;
    }

    private static void oauth(JsonObject apiProperties, List<String> problems) {
        JsonObject properties = apiProperties.getJsonObject("properties");
        JsonObject settings = properties.getJsonObject("connectionParameters").getJsonObject("token")
                .getJsonObject("oAuthSettings");
        if (!"aad".equals(settings.getString("identityProvider", ""))) {
            problems.add("apiProperties: identityProvider must be aad");
        }
        if (settings.getJsonObject("properties").get("IsOnbehalfofLoginSupported") != JsonValue.TRUE
                || !"true".equals(settings.getJsonObject("customParameters").getJsonObject("enableOnbehalfOfLogin")
                        .getString("value", ""))) {
            problems.add("apiProperties: on-behalf-of login must be on");
        }
        if (settings.getString("clientId", "").isEmpty() || settings.getJsonArray("scopes").isEmpty()) {
            problems.add("apiProperties: a client id and scopes are needed");
        }
        String colour = properties.get("iconBrandColor") instanceof JsonString s ? s.getString() : "";
        if (!COLOUR.matcher(colour).matches() || colour.equalsIgnoreCase("#007ee5")
                || colour.equalsIgnoreCase("#ffffff")) {
            problems.add("apiProperties: iconBrandColor must be a colour of its own, not #007ee5 or #ffffff: "
                    + colour);
        }
    }
}
