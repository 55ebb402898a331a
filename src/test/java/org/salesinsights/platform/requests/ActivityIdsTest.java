package org.salesinsights.platform.requests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ActivityIdsTest {

    @Test
    void theCallersIdIsKept() {
        String id = "9f1c2a64-3b7e-4d7a-8f0e-6a1b2c3d4e5f";
        assertEquals(id, ActivityIds.accept(id));
        assertEquals("{A1}", ActivityIds.accept("{A1}"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"id with spaces", "id\r\nX-Injected: 1", "<script>", "\u00e9t\u00e9"})
    void aMissingOrUnsafeIdIsReplacedByANewOne(String id) {
        String accepted = ActivityIds.accept(id);
        assertNotEquals(id, accepted);
        assertEquals(accepted, UUID.fromString(accepted).toString());
    }

    @Test
    void anOverLongIdIsReplaced() {
        assertNotEquals("a".repeat(129), ActivityIds.accept("a".repeat(129)));
        assertEquals("a".repeat(128), ActivityIds.accept("a".repeat(128)));
    }

    @Test
    void callerTextIsLoggedOnOneBoundedLine() {
        assertEquals("sales-copilot", RequestLogFilter.printable("sales-copilot", 100));
        assertEquals("-", RequestLogFilter.printable(null, 100));
        assertEquals("\"a?b ?forged\"", RequestLogFilter.printable("a\nb \"forged", 100));
        assertEquals("abc", RequestLogFilter.printable("abcdef", 3));
    }
}
