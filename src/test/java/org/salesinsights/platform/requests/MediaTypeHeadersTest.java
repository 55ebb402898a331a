package org.salesinsights.platform.requests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MediaTypeHeadersTest {

    @Test
    void whatBrowsersAndClientsSendIsAccepted() {
        for (String accept : new String[] {"application/json", "*/*", "text/html,application/xhtml+xml,"
                + "application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8", "application/json, text/csv;q=0.5",
                "application/json;q=0", "application/json; q=1.000", "text/plain; charset=\"utf-8\"", "",
                "application/json,,", "application/json;qs=0.5", "text/*"}) {
            assertTrue(MediaTypeHeaders.isAccept(accept), accept);
        }
        assertTrue(MediaTypeHeaders.isMediaType("application/json; charset=UTF-8"));
    }

    @Test
    void malformedRangesAndWeightsAreTold() {
        for (String accept : new String[] {";;;;", "application/", "/json", "application/json; q=abc",
                "application/json;q=1.5", "application/json;q=0.0001", "a/b/c", "application/json;;",
                "\u00e9/x", "application/json; charset=", "text/plain; charset=\"open"}) {
            assertFalse(MediaTypeHeaders.isAccept(accept), accept);
        }
        assertFalse(MediaTypeHeaders.isMediaType(";;"));
        assertFalse(MediaTypeHeaders.isMediaType(""));
    }

    @Test
    void theShortcutForBareTypesAgreesWithTheGrammar() {
        for (String value : new String[] {"application/json", "*/*", "text/*", "application/vnd.ms-excel+xml",
                "a/b/c", "application/", "/json", "/", "application/json ", " application/json", "application/json;q=1",
                "\u00e9/x", "application/\u00e9", "a,b/c", "a\"/b", "text/plain\t"}) {
            if (MediaTypeHeaders.isBareMediaType(value)) {
                assertTrue(MediaTypeHeaders.isMediaType(value), value);
            }
        }
        assertTrue(MediaTypeHeaders.isBareMediaType("application/json"));
        assertFalse(MediaTypeHeaders.isBareMediaType("a/b/c"));
        assertFalse(MediaTypeHeaders.isBareMediaType("application/"));
    }
}
