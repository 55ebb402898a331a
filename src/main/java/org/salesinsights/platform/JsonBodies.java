package org.salesinsights.platform;

import java.io.StringReader;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

/** Request bodies read as JSON objects: anything else (empty, malformed, an array, a bare value) is a 400. */
public final class JsonBodies {

    /** Deeper than any document of this API, and far from what a recursive reader's stack can take. */
    public static final int MAX_DEPTH = 32;

    private JsonBodies() {
    }

    public static JsonObject object(String body) {
        if (body == null || body.isBlank()) {
            throw new ApiException(400, "INVALID_PARAMETER", "The body must be a JSON object.");
        }
        requireShallow(body);
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException | IllegalArgumentException e) {
            // IllegalArgumentException: a number beyond what a decimal can hold, such as 1e9999999999
            throw new ApiException(400, "INVALID_PARAMETER", "The body must be a JSON object.");
        }
    }

    /**
     * Refuses a body whose arrays and objects nest deeper than {@link #MAX_DEPTH}, before any parser reads it: every
     * reader builds nested values recursively, and thousands of levels end in a stack overflow.
     */
    public static void requireShallow(String body) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                if (++depth > MAX_DEPTH) {
                    throw new ApiException(400, "INVALID_PARAMETER", "The body nests arrays and objects deeper than "
                            + MAX_DEPTH + " levels.");
                }
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
    }
}
