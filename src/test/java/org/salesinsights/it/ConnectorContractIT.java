package org.salesinsights.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.json.JsonObject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import org.junit.jupiter.api.Test;
import org.salesinsights.connector.ConnectorPackage;

/**
 * The connector package the build made (target/connector/) against the live server: the same operations, paths,
 * parameter names, types and required flags both ways, and the server's answers valid against the package's
 * response schemas. What the connector promises is what the server does.
 */
class ConnectorContractIT extends DeployedWar {

    private static final Path PACKAGE = Path.of("target", "connector", "apiDefinition.swagger.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void thePackageAndTheServerOfferTheSameOperations() throws Exception {
        JsonObject swagger = Http.json(Files.readString(PACKAGE));
        JsonObject live = Http.json(Http.get(base.toURI().resolve("/openapi"), "Accept", "application/json"));
        Map<String, String> inPackage = operations(swagger, swagger.getString("basePath"), false);
        Map<String, String> onServer = operations(live, "", true);
        onServer.keySet().removeIf(key -> !ConnectorPackage.OPERATIONS.contains(key.substring(0, key.indexOf(' '))));
        assertEquals(new TreeMap<>(inPackage), new TreeMap<>(onServer));
        assertEquals(Set.of("GetKeySalesInsights", "GetRecordSummaryInsights", "scp-get-email-insights-v2",
                "GetRelatedRecords", "TestConnection"),
                inPackage.keySet().stream().map(k -> k.substring(0, k.indexOf(' '))).collect(Collectors.toSet()));
    }

    @Test
    void theServersAnswersFitThePackagesSchemas() throws Exception {
        JsonNode swagger = JSON.readTree(PACKAGE.toFile());
        String fabrikam = TestTokens.bearer(TestTokens.FABRIKAM);
        String record = "?recordType=opportunity&recordId=006Dn00000A1b2C&crmType=Salesforce&top=3";
        Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
        answers.put("GetKeySalesInsights 200", Http.get(uri("api/v1/opportunity-insights" + record),
                "Authorization", fabrikam, "Accept-Language", "de"));
        answers.put("GetRecordSummaryInsights 200", Http.get(uri("api/v1/record-summary-insights" + record),
                "Authorization", fabrikam));
        answers.put("TestConnection 200", Http.get(uri("api/v1/test-connection"), "Authorization", fabrikam));
        String thread = "{\"resourceData\": {\"subject\": \"Renewal\", \"to\": [\"a@northwind.example\"]},"
                + " \"relatedEntities\": [{\"entityType\": \"opportunity\", \"entityId\": \"006Dn00000A1b2C\","
                + " \"entitySource\": \"connected\"}], \"top\": 3}";
        answers.put("scp-get-email-insights-v2 200", email(fabrikam, thread));
        answers.put("scp-get-email-insights-v2 400", email(fabrikam, "{\"relatedEntities\": []}"));
        answers.put("scp-get-email-insights-v2 401", email(null, thread));
        answers.put("GetRelatedRecords 200", Http.get(uri("api/v1/related-records" + record), "Authorization",
                fabrikam));
        answers.put("GetRelatedRecords 400", Http.get(uri("api/v1/related-records?recordId=006Dn00000A1b2C"),
                "Authorization", fabrikam));
        answers.put("GetKeySalesInsights 400", Http.get(uri("api/v1/opportunity-insights?recordType=opportunity"),
                "Authorization", fabrikam));
        answers.put("GetRecordSummaryInsights 401", Http.get(uri("api/v1/record-summary-insights" + record)));
        answers.put("TestConnection 403", Http.get(uri("api/v1/test-connection"), "Authorization",
                TestTokens.bearer(TestTokens.STRANGER)));
        for (Map.Entry<String, HttpResponse<String>> answer : answers.entrySet()) {
            String[] operationAndCode = answer.getKey().split(" ");
            HttpResponse<String> response = answer.getValue();
            assertEquals(Integer.parseInt(operationAndCode[1]), response.statusCode(), response::body);
            JsonNode schema = responseSchema(swagger, operationAndCode[0], operationAndCode[1]);
            ObjectNode root = JSON.createObjectNode();
            root.set("definitions", swagger.get("definitions"));
            root.setAll((ObjectNode) schema);
            Set<ValidationMessage> problems = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4)
                    .getSchema(root).validate(JSON.readTree(response.body()));
            assertEquals(Set.of(), problems, () -> answer.getKey() + ": " + response.body());
        }
        assertTrue(JSON.readTree(answers.get("GetRecordSummaryInsights 200").body()).get("value").size() > 0);
        assertEquals(3, JSON.readTree(answers.get("scp-get-email-insights-v2 200").body()).get("value").size());
        assertTrue(JSON.readTree(answers.get("GetRelatedRecords 200").body()).get("value").size() > 0,
                "the demo data lights the record details card");
        ObjectNode summary = JSON.createObjectNode();
        summary.set("definitions", swagger.get("definitions"));
        summary.setAll((ObjectNode) responseSchema(swagger, "GetRecordSummaryInsights", "200"));
        assertEquals(3, JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(summary)
                .validate(JSON.readTree("{\"value\": [{\"title\": 1, \"description\": \"d\","
                        + " \"additionalProperties\": {\"a\": 2}}]}")).size(),
                "the check has teeth: a number for a title, a missing dateTime, a number in the map");
    }

    /** "operationId path-suffix method" → "name:type:required, ..." for the connector's operations. */
    private static Map<String, String> operations(JsonObject document, String basePath, boolean openApi3) {
        Map<String, String> operations = new LinkedHashMap<>();
        String prefix = basePath.equals("/") ? "" : basePath;
        document.getJsonObject("paths").forEach((path, methods) -> methods.asJsonObject().forEach((method, value) -> {
            if (!(value instanceof JsonObject operation) || !operation.containsKey("operationId")) {
                return;
            }
            String fullPath = prefix + path;
            String suffix = fullPath.substring(fullPath.indexOf("/api/"));
            List<JsonObject> parameters = operation.containsKey("parameters")
                    ? operation.getJsonArray("parameters").getValuesAs(JsonObject.class) : List.of();
            List<String> signatures = new java.util.ArrayList<>(parameters.stream().map(p -> p.getString("name") + ":"
                    + (openApi3 ? p.getJsonObject("schema").getString("type")
                            : p.getString("type", "in " + p.getString("in"))) + ":"
                    + p.getBoolean("required", false)).toList());
            if (openApi3 && operation.containsKey("requestBody")) {
                // Swagger 2.0's one body parameter, named body
                signatures.add("body:in body:" + operation.getJsonObject("requestBody").getBoolean("required", false));
            }
            String signature = signatures.stream().sorted().collect(Collectors.joining(", "));
            operations.put(operation.getString("operationId") + " " + suffix + " " + method, signature);
        }));
        return operations;
    }

    private HttpResponse<String> email(String token, String body) {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                uri("api/enhanceskills/email-insights-v2")).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", token);
        }
        return Http.send(request.build());
    }

    private static JsonNode responseSchema(JsonNode swagger, String operationId, String code) {
        for (JsonNode path : swagger.get("paths")) {
            for (JsonNode operation : path) {
                if (operationId.equals(operation.path("operationId").asText())) {
                    return operation.get("responses").get(code).get("schema");
                }
            }
        }
        throw new AssertionError("no " + operationId + " in the package");
    }

    private URI uri(String path) {
        try {
            return base.toURI().resolve(path);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
