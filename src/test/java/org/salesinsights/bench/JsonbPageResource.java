package org.salesinsights.bench;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.salesinsights.insights.boundary.OpportunityInsight;
import org.salesinsights.insights.boundary.OpportunityInsightsPage;

/**
 * The constant baseline plus one part of the action's path: JSON-B. The same answer, held as the application's own
 * records ({@link OpportunityInsightsPage}, {@link OpportunityInsight}, with their adapter and serializer; bench/run.sh
 * copies those classes into the baseline WAR), is written by the server's JSON-B provider on every call, as the
 * action's page is. bench/run.sh checks that the bytes equal the action's answer.
 *
 * <p>Nothing else of the action is here: no token, no executor, no database, no mapping from entities.
 */
@Path("parts/jsonb/v1/opportunity-insights")
public class JsonbPageResource {

    private static volatile OpportunityInsightsPage page;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public OpportunityInsightsPage get() {
        OpportunityInsightsPage answer = page;
        if (answer == null) {
            answer = read(ConstantInsightsResource.constant());
            page = answer;
        }
        return answer;
    }

    /** The saved answer as the records the action writes (read once, with JSON-P, not with the code measured). */
    static OpportunityInsightsPage read(byte[] json) {
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(json))) {
            JsonObject saved = reader.readObject();
            List<OpportunityInsight> insights = new ArrayList<>();
            for (JsonValue value : saved.getJsonArray("value")) {
                JsonObject insight = value.asJsonObject();
                Map<String, String> properties = null;
                if (insight.containsKey("additionalProperties")) {
                    properties = new LinkedHashMap<>();
                    JsonObject savedProperties = insight.getJsonObject("additionalProperties");
                    for (Map.Entry<String, JsonValue> property : savedProperties.entrySet()) {
                        properties.put(property.getKey(), ((JsonString) property.getValue()).getString());
                    }
                }
                insights.add(new OpportunityInsight(insight.getString("title"), insight.getString("description"),
                        insight.getString("url", null),
                        insight.containsKey("dateTime") ? Instant.parse(insight.getString("dateTime")) : null,
                        properties));
            }
            return new OpportunityInsightsPage(insights, saved.getBoolean("hasMoreResults"));
        }
    }
}
