package org.salesinsights.curation.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import org.junit.jupiter.api.Test;

import org.salesinsights.curation.boundary.CurationViews.InsightView;
import org.salesinsights.curation.boundary.CurationViews.TranslationView;

/** The history's snapshot of an insight is what JSON-B writes of its view, byte for byte. */
class CurationViewsTest {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Test
    void anInsightViewIsWrittenAsJsonBWritesIt() throws Exception {
        OffsetDateTime at = OffsetDateTime.of(2026, 11, 21, 11, 11, 11, 0, ZoneOffset.UTC);
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("Quote", "Q-2026-0912");
        properties.put("Ünïcode \"quoted\" \\ tab\t", "\u05d0\u202e \ud83d\ude00 </script>");
        Map<String, TranslationView> translations = new TreeMap<>(Map.of("de", new TranslationView("Titel", null,
                Map.of("Angebot", "A-1")), "fr", new TranslationView("Titre", "Une description", Map.of())));
        List<InsightView> views = List.of(
                new InsightView(1, 2, 3, "renewal", null, null, "Fabrikam Insights", "Asked for a quote.",
                        "https://fabrikam.example.com/o/1", at, true, 7, false, "en", null, null, properties,
                        translations, at.plusNanos(123_456_789), "Lidia Holloway"),
                new InsightView(Long.MAX_VALUE, 0, 1, null, "quotes", "Q-17", "Fed", null, null, null, false,
                        -3, true, null, at.minusDays(3), at.withOffsetSameInstant(ZoneOffset.ofHoursMinutes(-8, -30)),
                        Map.of(), Map.of(), at, "app:Demo back office"),
                new InsightView(5, 6, 1, "k", null, null, "", "", null, at.plusNanos(1_000), false, 0, false, null,
                        null, null, null, null, null, null));
        for (InsightView view : views) {
            assertEquals(JSONB.toJson(view), view.json());
        }
    }
}
