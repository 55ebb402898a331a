package org.salesinsights.platform.requests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.salesinsights.platform.errors.ApiException;

class IfMatchTest {

    @Test
    void theVersionIsReadFromStrongAndWeakTags() {
        assertEquals(Optional.of(3L), IfMatch.version("\"3\""));
        assertEquals(Optional.of(12L), IfMatch.version(" W/\"12\" "));
        assertEquals(Optional.empty(), IfMatch.version(null));
        assertEquals(Optional.empty(), IfMatch.version(" "));
    }

    @Test
    void aTagThatNamesNoVersionFailsThePreconditionAndNoneIsRequired() {
        for (String tag : new String[] {"3", "\"\"", "\"-1\"", "\"3\", \"4\"", "*", "\"" + "9".repeat(20) + "\""}) {
            assertEquals(412, assertThrows(ApiException.class, () -> IfMatch.version(tag), tag).status(), tag);
        }
        assertEquals(428, assertThrows(ApiException.class, () -> IfMatch.required(null)).status());
        assertEquals(7L, IfMatch.required("\"7\""));
    }
}
