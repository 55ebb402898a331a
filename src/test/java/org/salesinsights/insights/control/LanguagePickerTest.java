package org.salesinsights.insights.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class LanguagePickerTest {

    private static final List<String> AVAILABLE = List.of("en", "de", "fr-CA");

    @Test
    void qualityDecidesThenTheOrderGiven() {
        assertEquals(Optional.of("de"), LanguagePicker.of("fr;q=0.5, de;q=0.9, en;q=0.8").pick(AVAILABLE));
        assertEquals(Optional.of("en"), LanguagePicker.of("en, de").pick(AVAILABLE));
        assertEquals(Optional.of("de"), LanguagePicker.of("es, de;q=0.1").pick(AVAILABLE));
    }

    @Test
    void aRegionalRangeFallsBackToItsLanguage() {
        assertEquals(Optional.of("de"), LanguagePicker.of("de-AT").pick(AVAILABLE));
        assertEquals(Optional.of("fr-CA"), LanguagePicker.of("FR-ca").pick(AVAILABLE), "tags ignore case");
        assertEquals(Optional.empty(), LanguagePicker.of("fr").pick(AVAILABLE), "fr does not find fr-CA");
    }

    @Test
    void nothingWantedOrNothingMatchingPicksNothing() {
        assertTrue(LanguagePicker.of(null).isEmpty());
        assertEquals(Optional.empty(), LanguagePicker.of("ja").pick(AVAILABLE));
        assertEquals(Optional.empty(), LanguagePicker.of("de;q=0").pick(AVAILABLE), "q=0 means not wanted");
        assertEquals(Optional.empty(), LanguagePicker.of("*").pick(AVAILABLE));
    }

    @Test
    void malformedHeadersCountAsAbsent() {
        for (String header : List.of("", ";;;", "de;q=abc", "d\u00e9", "x".repeat(2000), "de;q=7")) {
            assertEquals(Optional.empty(), LanguagePicker.of(header).pick(AVAILABLE), header);
        }
    }
}
