package org.salesinsights.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.QueryParam;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesinsights.insights.boundary.EmailInsightsResource;
import org.salesinsights.insights.boundary.OpportunityInsightsResource;
import org.salesinsights.insights.boundary.RecordSummaryResource;
import org.salesinsights.insights.boundary.RelatedRecordsResource;

import io.swagger.parser.SwaggerParser;
import io.swagger.parser.util.SwaggerDeserializationResult;

/**
 * The connector package as the build makes it from the annotations (target/generated/openapi.json, made before
 * the tests): valid Swagger 2.0 for a third-party parser, strict JSON, certification's rules, and the code's own
 * words.
 */
class ConnectorPackageTest {

    static JsonObject swagger;
    static JsonObject apiProperties;

    @BeforeAll
    static void build() throws Exception {
        ConnectorPackage.Settings settings = ConnectorPackage.Settings.fromSystemProperties();
        swagger = ConnectorPackage.swagger(ConnectorPackage.read(Path.of("target/generated/openapi.json")), settings);
        apiProperties = ConnectorPackage.apiProperties(settings);
    }

    @Test
    void itIsValidSwagger20ForAThirdPartyParser() {
        SwaggerDeserializationResult result = new SwaggerParser().readWithInfo(ConnectorPackage.pretty(swagger));
        assertEquals(List.of(), result.getMessages(), "swagger-parser's messages");
        assertEquals("2.0", result.getSwagger().getSwagger());
        assertEquals(5, result.getSwagger().getPaths().size());
    }

    @Test
    void theFilesAsWrittenAreStrictJson(@TempDir Path out) throws Exception {
        ConnectorPackage.main(new String[] {"target/generated/openapi.json", out.toString()});
        ObjectMapper strict = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        for (String file : List.of("apiDefinition.swagger.json", "apiProperties.json")) {
            byte[] bytes = Files.readAllBytes(out.resolve(file));
            assertTrue(bytes[0] == '{', file + " starts with its object: no byte order mark");
            strict.readTree(bytes);
        }
        assertTrue(Files.readString(out.resolve("readme.md")).contains("### Get record summary insights"));
    }

    @Test
    void itMeetsCertificationsRules() {
        assertEquals(List.of(), ConnectorRules.violations(swagger, apiProperties));
    }

    @Test
    void theRulesCatchWhatCertificationRefuses() {
        List<String> problems = new java.util.ArrayList<>();
        ConnectorRules.summary("x", "Get Key Sales Info?", problems);
        ConnectorRules.summary("y", "get insights.", problems);
        ConnectorRules.summary("z", "Get CRM record ID insights", problems);
        ConnectorRules.description("w", "Get insights", "Get insights", problems);
        assertEquals(9, problems.size(), problems::toString);
        assertTrue(problems.stream().noneMatch(p -> p.startsWith("z:")), "acronyms are sentence case");
    }

    @Test
    void itSaysWhatTheCodesAnnotationsSay() {
        for (Map.Entry<Class<?>, String> action : Map.of(OpportunityInsightsResource.class, "GetKeySalesInsights",
                RecordSummaryResource.class, "GetRecordSummaryInsights", RelatedRecordsResource.class,
                "GetRelatedRecords").entrySet()) {
            Method get = List.of(action.getKey().getMethods()).stream().filter(m -> m.getName().equals("get"))
                    .findFirst().orElseThrow();
            Map<String, String> inCode = List.of(get.getParameters()).stream()
                    .filter(p -> p.isAnnotationPresent(QueryParam.class))
                    .collect(Collectors.toMap(p -> p.getAnnotation(QueryParam.class).value(),
                            p -> p.getAnnotation(Parameter.class).description()));
            JsonObject operation = operation(action.getValue());
            Map<String, String> inPackage = operation.getJsonArray("parameters").getValuesAs(JsonObject.class)
                    .stream().collect(Collectors.toMap(p -> p.getString("name"), p -> p.getString("description")));
            assertEquals(inCode, inPackage, action.getValue());
        }
        assertEquals(OpportunityInsightsResource.ACTION_DESCRIPTION,
                operation("GetKeySalesInsights").getString("description"));
        assertEquals(RecordSummaryResource.ACTION_DESCRIPTION,
                operation("GetRecordSummaryInsights").getString("description"));
        assertEquals(RelatedRecordsResource.ACTION_DESCRIPTION,
                operation("GetRelatedRecords").getString("description"));
        assertEquals(EmailInsightsResource.ACTION_DESCRIPTION,
                operation(EmailInsightsResource.OPERATION_ID).getString("description"));
    }

    @Test
    void theEmailSummaryTakesItsInputsInABodyAsMicrosoftsPageHasThem() {
        JsonObject email = operation(EmailInsightsResource.OPERATION_ID);
        List<JsonObject> parameters = email.getJsonArray("parameters").getValuesAs(JsonObject.class);
        assertEquals(1, parameters.size(), parameters::toString);
        assertEquals("body", parameters.get(0).getString("in"));
        assertTrue(parameters.get(0).getBoolean("required"));
        assertEquals("application/json", email.getJsonArray("consumes").getString(0));
        JsonObject request = swagger.getJsonObject("definitions").getJsonObject("EmailInsightsRequest");
        assertEquals(List.of("resourceData", "relatedEntities", "crmType", "crmOrgUrl", "top", "skip"),
                List.copyOf(request.getJsonObject("properties").keySet()));
        assertEquals("resourceData", request.getJsonArray("required").getString(0));
        assertEquals(List.of("plaintextBody", "fullHtmlBody", "subject", "from", "to", "cc", "bcc", "sentDateTime",
                "messageId", "conversationId"), List.copyOf(request.getJsonObject("properties")
                        .getJsonObject("resourceData").getJsonObject("properties").keySet()));
        assertEquals("#/definitions/EmailInsights", email.getJsonObject("responses").getJsonObject("200")
                .getJsonObject("schema").getString("$ref"));
        // the rules see a prescribed text gone wrong, in a definition and inside an inline object
        String broken = ConnectorPackage.pretty(swagger).replace("This input provides the subject of the email.",
                "This input gives the subject of the email.").replace("This output indicates the text you would"
                        + " like to be included in the email summary.", "The text.");
        List<String> problems = ConnectorRules.violations(jakarta.json.Json.createReader(new java.io.StringReader(
                broken)).readObject(), apiProperties);
        assertEquals(2, problems.size(), problems::toString);
    }

    static JsonObject operation(String id) {
        return swagger.getJsonObject("paths").values().stream()
                .flatMap(path -> path.asJsonObject().values().stream()).map(JsonValue::asJsonObject)
                .filter(o -> id.equals(o.getString("operationId"))).findFirst().orElseThrow();
    }
}
