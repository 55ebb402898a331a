package org.salesinsights.platform;

import java.io.StringReader;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

/** Request bodies read as JSON objects: anything else (empty, malformed, an array, a bare value) is a 400. */
public final class JsonBodies {

    private JsonBodies() {
    }

    public static JsonObject object(String body) {
        if (body == null || body.isBlank()) {
            throw new ApiException(400, "INVALID_PARAMETER", "The body must be a JSON object.");
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new ApiException(400, "INVALID_PARAMETER", "The body must be a JSON object.");
        }
    }
}
