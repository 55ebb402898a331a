package org.salesinsights.platform.requests;

import java.io.StringReader;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;

import org.salesinsights.platform.errors.ApiException;
import org.salesinsights.platform.errors.ErrorCode;

/** Request bodies read as JSON objects: anything else (empty, malformed, an array, a bare value) is a 400. */
public final class JsonBodies {

    /** Deeper than any document of this API, and far from what a recursive reader's stack can take. */
    public static final int MAX_DEPTH = 32;

    /**
     * The JSON-P provider, found once: each {@code Json.create...} call looks it up again through the class loaders
     * (a ServiceLoader scan of the server's jars), a sixth of a thousand-item feed batch's time.
     */
    public static final JsonProvider JSON = JsonProvider.provider();

    private JsonBodies() {
    }

    public static JsonObject object(String body) {
        if (body == null || body.isBlank()) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "The body must be a JSON object.");
        }
        requireShallow(body);
        try (JsonReader reader = JSON.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException | IllegalArgumentException e) {
            // IllegalArgumentException: a number beyond what a decimal can hold, such as 1e9999999999
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "The body must be a JSON object.");
        }
    }

    /**
     * Refuses a body whose arrays and objects nest deeper than {@link #MAX_DEPTH}, before any parser reads it: every
     * reader builds nested values recursively, and thousands of levels end in a stack overflow.
     */
    public static void requireShallow(String body) {
        char[] text = body.toCharArray(); // a megabyte's scan, several times faster than charAt on a UTF-16 string
        int depth = 0;
        for (int i = 0; i < text.length; i++) {
            char c = text[i];
            if (c == '"') {
                i++;
                while (i < text.length && text[i] != '"') { // to the string's end, stepping over escapes
                    i += text[i] == '\\' ? 2 : 1;
                }
            } else if (c == '{' || c == '[') {
                if (++depth > MAX_DEPTH) {
                    throw new ApiException(ErrorCode.INVALID_PARAMETER, "The body nests arrays and objects deeper than "
                            + MAX_DEPTH + " levels.");
                }
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
    }
}
