package org.salesinsights.connector;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;

/**
 * Makes the Power Platform connector package from the OpenAPI 3 document that SmallRye reads out of the JAX-RS
 * annotations at build time (target/generated/openapi.json): the connector's operations turned into Swagger 2.0
 * ({@code apiDefinition.swagger.json}) with the connector's extensions, its connection settings
 * ({@code apiProperties.json}) and a readme. Nothing is written twice: descriptions, summaries, parameters and
 * schemas all come from the code; only what Swagger 2.0 or Power Platform add (host, OAuth settings, metadata)
 * comes from the build's settings.
 *
 * <p>{@code mvn package} runs it (exec plugin) into target/connector/.
 */
public final class ConnectorPackage {

    /** The operations the connector offers, in its order; the admin API stays out of it. */
    public static final List<String> OPERATIONS = List.of("GetKeySalesInsights", "GetRecordSummaryInsights",
            "scp-get-email-insights-v2", "GetRelatedRecords", "TestConnection");
    static final String SECURITY = "oauth2-auth";
    private static final List<String> PARAMETER_ORDER = List.of("recordType", "recordId", "startDateTime",
            "endDateTime", "top", "skip", "crmType", "crmOrgUrl");
    private static final Set<String> PARAMETER_OWN = Set.of("description", "required", "title");
    private static final Set<String> SCHEMA_KEYWORDS = Set.of("type", "format", "description", "maxLength",
            "minLength", "minimum", "maximum", "enum", "default", "pattern", "required", "title");

    private ConnectorPackage() {
    }

    /** What the build sets: where the connector calls, its app registrations, its face. */
    public record Settings(String host, String basePath, String title, String clientId, String resourceUri,
            String scope, String brandColor, String website, String privacyPolicy, String categories,
            String contactName, String contactUrl, String contactEmail, String publisher) {

        static Settings fromSystemProperties() {
            return new Settings(
                    property("connector.host", "insights.example.com"),
                    property("connector.basePath", "/"),
                    property("connector.title", "Sales insights"),
                    property("connector.clientId", "[[connector client id]]"),
                    property("connector.resourceUri", "api://[[api client id]]"),
                    property("connector.scope", "api://[[api client id]]/user_impersonation"),
                    property("connector.brandColor", "#0f5fa8"),
                    property("connector.website", "https://insights.example.com"),
                    property("connector.privacyPolicy", "https://insights.example.com/privacy"),
                    property("connector.categories", "Sales and CRM;AI"),
                    property("connector.contactName", "Sales insights support"),
                    property("connector.contactUrl", "https://insights.example.com/support"),
                    property("connector.contactEmail", "support@insights.example.com"),
                    property("connector.publisher", "Sales insights"));
        }

        private static String property(String key, String fallback) {
            String value = System.getProperty(key);
            return value == null || value.isBlank() ? fallback : value.strip();
        }
    }

    public static void main(String[] args) throws IOException {
        Path openapi = Path.of(args.length > 0 ? args[0] : "target/generated/openapi.json");
        Path out = Files.createDirectories(Path.of(args.length > 1 ? args[1] : "target/connector"));
        Settings settings = Settings.fromSystemProperties();
        JsonObject swagger = swagger(read(openapi), settings);
        Files.writeString(out.resolve("apiDefinition.swagger.json"), pretty(swagger), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("apiProperties.json"), pretty(apiProperties(settings)), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("readme.md"), readme(swagger, settings), StandardCharsets.UTF_8);
        System.out.println("Connector package in " + out.toAbsolutePath());
    }

    static JsonObject read(Path file) throws IOException {
        try (JsonReader reader = Json.createReader(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            return reader.readObject();
        }
    }

    static String pretty(JsonObject json) {
        StringWriter out = new StringWriter();
        try (var writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out)) {
            writer.writeObject(json);
        }
        return out.toString().strip() + "\n";
    }

    /** The connector's Swagger 2.0 definition. */
    public static JsonObject swagger(JsonObject openapi, Settings settings) {
        JsonObjectBuilder paths = Json.createObjectBuilder();
        Set<String> referenced = new LinkedHashSet<>();
        // the paths as the application serves them; basePath is what the reverse proxy puts in front of them
        Map<String, JsonObjectBuilder> byPath = new LinkedHashMap<>();
        for (String operationId : OPERATIONS) {
            Map.Entry<String, Map.Entry<String, JsonObject>> found = find(openapi, operationId);
            byPath.computeIfAbsent(found.getKey(), p -> Json.createObjectBuilder())
                    .add(found.getValue().getKey(), operation(found.getValue().getValue(), responses(openapi),
                            referenced));
        }
        byPath.forEach(paths::add);
        JsonObjectBuilder definitions = Json.createObjectBuilder();
        JsonObject schemas = openapi.getJsonObject("components").getJsonObject("schemas");
        Deque<String> todo = new ArrayDeque<>(referenced);
        Set<String> done = new LinkedHashSet<>();
        Map<String, JsonObject> converted = new LinkedHashMap<>();
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (done.add(name)) {
                Set<String> more = new LinkedHashSet<>();
                converted.put(name, schema(schemas.getJsonObject(name), more));
                todo.addAll(more);
            }
        }
        converted.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> definitions.add(e.getKey(), e.getValue()));
        JsonObject info = openapi.getJsonObject("info");
        return Json.createObjectBuilder()
                .add("swagger", "2.0")
                .add("info", Json.createObjectBuilder()
                        .add("title", settings.title())
                        .add("description", info.getString("description"))
                        .add("version", info.getString("version"))
                        .add("contact", Json.createObjectBuilder().add("name", settings.contactName())
                                .add("url", settings.contactUrl()).add("email", settings.contactEmail()))
                        .add("x-ms-keywords", Json.createArrayBuilder().add("sales").add("insights")
                                .add("crm")))
                .add("host", settings.host())
                .add("basePath", settings.basePath())
                .add("schemes", Json.createArrayBuilder().add("https"))
                .add("consumes", Json.createArrayBuilder())
                .add("produces", Json.createArrayBuilder().add("application/json"))
                .add("paths", paths)
                .add("definitions", definitions)
                .add("parameters", Json.createObjectBuilder())
                .add("responses", Json.createObjectBuilder())
                .add("securityDefinitions", Json.createObjectBuilder().add(SECURITY, Json.createObjectBuilder()
                        .add("type", "oauth2").add("flow", "accessCode")
                        .add("authorizationUrl", "https://login.microsoftonline.com/common/oauth2/authorize")
                        .add("tokenUrl", "https://login.windows.net/common/oauth2/authorize")
                        .add("scopes", Json.createObjectBuilder())))
                .add("security", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add(SECURITY, Json.createArrayBuilder())))
                .add("tags", Json.createArrayBuilder())
                .add("x-ms-connector-metadata", Json.createArrayBuilder()
                        .add(metadata("Website", settings.website()))
                        .add(metadata("Privacy policy", settings.privacyPolicy()))
                        .add(metadata("Categories", settings.categories())))
                .add("x-ms-openai-data", Json.createObjectBuilder().add("openai-enabled", true))
                .add("x-ms-capabilities", Json.createObjectBuilder().add("testConnection",
                        Json.createObjectBuilder().add("operationId", "TestConnection")
                                .add("parameters", Json.createObjectBuilder())))
                .build();
    }

    /** The connection: OAuth 2.0 with Entra ID and on-behalf-of login, for the API's own app registration. */
    public static JsonObject apiProperties(Settings settings) {
        return Json.createObjectBuilder().add("properties", Json.createObjectBuilder()
                .add("connectionParameters", Json.createObjectBuilder().add("token", Json.createObjectBuilder()
                        .add("type", "oauthSetting")
                        .add("oAuthSettings", Json.createObjectBuilder()
                                .add("identityProvider", "aad")
                                .add("clientId", settings.clientId())
                                .add("scopes", Json.createArrayBuilder().add(settings.scope()))
                                .add("redirectMode", "GlobalPerConnector")
                                .add("redirectUrl", "https://global.consent.azure-apim.net/redirect")
                                .add("properties", Json.createObjectBuilder()
                                        .add("IsFirstParty", "False")
                                        .add("AzureActiveDirectoryResourceId", settings.resourceUri())
                                        .add("IsOnbehalfofLoginSupported", true))
                                .add("customParameters", Json.createObjectBuilder()
                                        .add("loginUri", value("https://login.microsoftonline.com"))
                                        .add("tenantId", value("common"))
                                        .add("resourceUri", value(settings.resourceUri()))
                                        .add("enableOnbehalfOfLogin", value("true"))))))
                .add("iconBrandColor", settings.brandColor())
                .add("capabilities", Json.createArrayBuilder())
                .add("publisher", settings.publisher())
                .add("stackOwner", settings.publisher()))
                .build();
    }

    /** The connector's readme, as certification asks for one: what it does, its operations, how to connect. */
    public static String readme(JsonObject swagger, Settings settings) {
        StringBuilder readme = new StringBuilder()
                .append("# ").append(settings.title()).append("\n\n")
                .append(swagger.getJsonObject("info").getString("description")).append("\n\n")
                .append("## Publisher: ").append(settings.publisher()).append("\n\n")
                .append("## Prerequisites\n\n")
                .append("A Microsoft 365 tenant with the Sales app (Sales in Microsoft 365 Copilot), a Power Platform"
                        + " environment with Dynamics 365 apps, and an organization registered with ")
                .append(settings.publisher()).append(".\n\n")
                .append("## Supported operations\n\n");
        swagger.getJsonObject("paths").forEach((path, operations) -> operations.asJsonObject().forEach(
                (method, value) -> {
                    JsonObject operation = value.asJsonObject();
                    readme.append("### ").append(operation.getString("summary")).append("\n\n")
                            .append("`").append(method.toUpperCase()).append(' ').append(path).append("` (")
                            .append(operation.getString("operationId")).append("): ")
                            .append(operation.getString("description")).append("\n\n");
                }));
        return readme.append("## Obtaining credentials\n\n")
                .append("Sign in with your Microsoft Entra ID work account. The connector uses OAuth 2.0 with"
                        + " on-behalf-of login for the API's app registration (").append(settings.resourceUri())
                .append(").\n\n")
                .append("## Known issues and limitations\n\n")
                .append("Newly enabled actions can take a while to appear in the Sales app; signing out and in"
                        + " again refreshes them.\n")
                .toString();
    }

    private static JsonObject metadata(String name, String value) {
        return Json.createObjectBuilder().add("propertyName", name).add("propertyValue", value).build();
    }

    private static JsonObject value(String value) {
        return Json.createObjectBuilder().add("value", value).build();
    }

    /** path → (method → operation) of the operation with this id; it must be there. */
    private static Map.Entry<String, Map.Entry<String, JsonObject>> find(JsonObject openapi, String operationId) {
        for (Map.Entry<String, JsonValue> path : openapi.getJsonObject("paths").entrySet()) {
            for (Map.Entry<String, JsonValue> method : path.getValue().asJsonObject().entrySet()) {
                if (method.getValue() instanceof JsonObject operation
                        && operationId.equals(operation.getString("operationId", null))) {
                    return Map.entry(path.getKey(), Map.entry(method.getKey(), operation));
                }
            }
        }
        throw new IllegalArgumentException("No operation " + operationId + " in the OpenAPI document");
    }

    /** The document's shared responses ({@code components.responses}), which operations refer to by name. */
    private static JsonObject responses(JsonObject openapi) {
        JsonObject components = openapi.getJsonObject("components");
        return components != null && components.containsKey("responses") ? components.getJsonObject("responses")
                : JsonValue.EMPTY_JSON_OBJECT;
    }

    private static JsonObject operation(JsonObject operation, JsonObject shared, Set<String> referenced) {
        JsonObjectBuilder converted = Json.createObjectBuilder()
                .add("summary", operation.getString("summary"))
                .add("description", operation.getString("description"))
                .add("operationId", operation.getString("operationId"));
        extensions(operation, converted);
        if (!"internal".equals(operation.getString("x-ms-visibility", ""))) {
            // for Copilot: the actions are meant for it (the connection test is not)
            converted.add("x-ms-openai-data", Json.createObjectBuilder().add("openai-enabled", true));
        }
        JsonObject requestBody = operation.getJsonObject("requestBody");
        if (requestBody != null) {
            converted.add("consumes", Json.createArrayBuilder().add("application/json"));
        }
        converted.add("produces", Json.createArrayBuilder().add("application/json"));
        JsonArrayBuilder parameters = Json.createArrayBuilder();
        List<JsonObject> declared = operation.containsKey("parameters")
                ? operation.getJsonArray("parameters").getValuesAs(JsonObject.class) : List.of();
        declared.stream().sorted((a, b) -> Integer.compare(rank(a.getString("name")), rank(b.getString("name"))))
                .forEach(parameter -> parameters.add(parameter(parameter)));
        if (requestBody != null) {
            parameters.add(body(requestBody, referenced));
        }
        converted.add("parameters", parameters);
        JsonObjectBuilder responses = Json.createObjectBuilder();
        operation.getJsonObject("responses").forEach((code, value) -> {
            // a shared response, written into each operation: the connector's Swagger names no response components
            JsonObject response = value.asJsonObject().containsKey("$ref") ? shared.getJsonObject(value.asJsonObject()
                    .getString("$ref").replace("#/components/responses/", "")) : value.asJsonObject();
            JsonObjectBuilder out = Json.createObjectBuilder().add("description", response.getString("description"));
            JsonObject content = response.getJsonObject("content");
            if (content != null && content.containsKey("application/json")) {
                out.add("schema", schema(content.getJsonObject("application/json").getJsonObject("schema"),
                        referenced));
            }
            responses.add(code, out);
        });
        return converted.add("responses", responses).build();
    }

    private static int rank(String name) {
        int rank = PARAMETER_ORDER.indexOf(name);
        return rank < 0 ? PARAMETER_ORDER.size() : rank;
    }

    private static JsonObject parameter(JsonObject parameter) {
        JsonObjectBuilder converted = Json.createObjectBuilder()
                .add("name", parameter.getString("name"))
                .add("in", parameter.getString("in"))
                .add("description", parameter.getString("description"))
                .add("required", parameter.getBoolean("required", false));
        JsonObject schema = parameter.getJsonObject("schema");
        schema.forEach((key, value) -> {
            // the parameter's own description and required flag stand; the schema gives its type and limits
            if (SCHEMA_KEYWORDS.contains(key) && !PARAMETER_OWN.contains(key)) {
                converted.add(key, key.equals("type") ? type(value) : value);
            }
        });
        extensions(parameter, converted);
        return converted.build();
    }

    /** An OpenAPI 3 request body as Swagger 2.0 has it: the one parameter {@code in: body}, named {@code body}. */
    private static JsonObject body(JsonObject requestBody, Set<String> referenced) {
        JsonObjectBuilder converted = Json.createObjectBuilder()
                .add("name", "body")
                .add("in", "body")
                .add("description", requestBody.getString("description"))
                .add("required", requestBody.getBoolean("required", false))
                .add("schema", schema(requestBody.getJsonObject("content").getJsonObject("application/json")
                        .getJsonObject("schema"), referenced));
        extensions(requestBody, converted);
        return converted.build();
    }

    /** An OpenAPI 3 schema as Swagger 2.0 has it: references to definitions, one type, no 3.x-only keywords. */
    private static JsonObject schema(JsonObject schema, Set<String> referenced) {
        JsonObjectBuilder converted = Json.createObjectBuilder();
        schema.forEach((key, value) -> {
            switch (key) {
                case "$ref" -> {
                    String name = ((JsonString) value).getString().replace("#/components/schemas/", "");
                    referenced.add(name);
                    converted.add("$ref", "#/definitions/" + name);
                }
                case "type" -> converted.add("type", type(value));
                case "properties" -> {
                    JsonObjectBuilder properties = Json.createObjectBuilder();
                    value.asJsonObject().forEach((name, property) -> properties.add(name,
                            schema(property.asJsonObject(), referenced)));
                    converted.add("properties", properties);
                }
                case "items" -> converted.add("items", schema(value.asJsonObject(), referenced));
                case "additionalProperties" -> converted.add(key, value instanceof JsonObject object
                        ? schema(object, referenced) : value);
                default -> {
                    if (SCHEMA_KEYWORDS.contains(key) || key.startsWith("x-")) {
                        converted.add(key, value);
                    }
                }
            }
        });
        return converted.build();
    }

    /** OpenAPI 3.1 may list types ({@code ["string", "null"]}); Swagger 2.0 takes one. */
    private static JsonValue type(JsonValue type) {
        if (type instanceof JsonArray types) {
            return types.stream().filter(t -> !"\"null\"".equals(t.toString())).findFirst().orElseThrow();
        }
        return type;
    }

    private static void extensions(JsonObject from, JsonObjectBuilder to) {
        from.forEach((key, value) -> {
            if (key.startsWith("x-")) {
                to.add(key, value);
            }
        });
    }
}
