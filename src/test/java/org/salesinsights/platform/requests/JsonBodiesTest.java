package org.salesinsights.platform.requests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import org.salesinsights.platform.errors.ApiException;

/** Bodies a careless or hostile client sends are a 400 with the contract's body, never a failure of the server. */
class JsonBodiesTest {

    @Test
    void deepNestingIsRefusedBeforeAnyParserRecursesIntoIt() {
        for (String body : new String[] {"[".repeat(5_000) + "]".repeat(5_000),
                "{\"a\":".repeat(2_000) + "1" + "}".repeat(2_000), "{\"a\": " + "[".repeat(33) + "]".repeat(33) + "}"}) {
            ApiException refused = assertThrows(ApiException.class, () -> JsonBodies.object(body));
            assertEquals(400, refused.status());
            assertTrue(refused.getMessage().contains("deeper than 32"), refused.getMessage());
        }
        assertEquals("[[[", JsonBodies.object("{\"text\": \"[[[\", \"a\": " + "[".repeat(31) + "]".repeat(31) + "}")
                .getString("text"), "brackets inside strings do not count");
        assertEquals("\"[[[\\", JsonBodies.object("{\"text\": \"\\\"[[[\\\\\", \"a\": " + "[".repeat(31)
                + "]".repeat(31) + "}").getString("text"), "nor do those after escaped quotes and backslashes");
        String escapedThenDeep = "{\"text\": \"\\\\\", \"a\": " + "[".repeat(33) + "]".repeat(33) + "}";
        assertEquals(400, assertThrows(ApiException.class, () -> JsonBodies.object(escapedThenDeep)).status(),
                "a string ending in an escaped backslash ends there");
    }

    @Test
    void numbersNoDecimalCanHoldAreABadBody() {
        for (String body : new String[] {"{\"priority\": 1e9999999999}", "{\"priority\": -1e-9999999999}"}) {
            assertEquals(400, assertThrows(ApiException.class, () -> JsonBodies.object(body)).status(), body);
        }
    }

    @Test
    void brokenTextIsTold() {
        assertTrue(Texts.hasControlOrBrokenCharacters("\ud800"));
        assertTrue(Texts.hasControlOrBrokenCharacters("x\udfff"));
        assertTrue(Texts.hasControlOrBrokenCharacters("\ud83d\ud83d\ude00"));
        assertTrue(Texts.hasControlOrBrokenCharacters("a\u0000b"));
        assertTrue(Texts.hasControlOrBrokenCharacters("line\nbreak"));
        assertFalse(Texts.hasControlOrBrokenCharacters("\ud83c\udde9\ud83c\uddea e\u0301 \u05d0\u202e \u0627"));
        assertFalse(Texts.hasControlOrBrokenCharacters(""));
    }
}
