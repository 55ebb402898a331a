package org.salesinsights.insights.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.salesinsights.insights.entity.InsightProperty;

/** The bytes the Sales app parses, produced by Yasson as on the servers. */
class OpportunityInsightJsonTest {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @AfterAll
    static void close() throws Exception {
        JSONB.close();
    }

    @Test
    void aFullInsightInTheContractsOrder() {
        OpportunityInsight insight = OpportunityInsight.of("Contract signed", "Kenny Smith sent Renewal Contract",
                "https://contosohub.example.com/c/1", OffsetDateTime.parse("2023-09-07T05:42:35.4662+02:00"),
                List.of(new InsightProperty("Signed by", "Alberto Burgos"), new InsightProperty("A first", "1"),
                        new InsightProperty("Signed", "9/7/23")));
        assertEquals("{\"value\":[{\"title\":\"Contract signed\",\"description\":\"Kenny Smith sent Renewal Contract\","
                + "\"url\":\"https://contosohub.example.com/c/1\",\"dateTime\":\"2023-09-07T03:42:35.4662Z\","
                + "\"additionalProperties\":{\"Signed by\":\"Alberto Burgos\",\"A first\":\"1\",\"Signed\":\"9/7/23\"}}],"
                + "\"hasMoreResults\":true}",
                JSONB.toJson(new OpportunityInsightsPage(List.of(insight), true)));
    }

    @Test
    void absentPartsAreLeftOutNotNull() {
        OpportunityInsight insight = OpportunityInsight.of("Contoso", "Text", null, null, List.of());
        assertEquals("{\"title\":\"Contoso\",\"description\":\"Text\"}", JSONB.toJson(insight));
    }

    @Test
    void anEmptyPageIsStillAPage() {
        assertEquals("{\"value\":[],\"hasMoreResults\":false}", JSONB.toJson(new OpportunityInsightsPage(List.of(), false)));
    }

    @Test
    void onlyWebLinksReachTheSeller() {
        assertNull(OpportunityInsight.of("t", "d", "javascript:alert(1)", null, List.of()).url());
        assertNull(OpportunityInsight.of("t", "d", "/relative/path", null, List.of()).url());
        assertNull(OpportunityInsight.of("t", "d", "ftp://files.example.com/x", null, List.of()).url());
        assertNull(OpportunityInsight.of("t", "d", "https://user@evil.example.com/", null, List.of()).url());
        assertEquals("HTTP://contoso.example.com/x",
                OpportunityInsight.of("t", "d", "HTTP://contoso.example.com/x", null, List.of()).url());
    }

    @Test
    void textOverTheLimitsIsCut() {
        OpportunityInsight insight = OpportunityInsight.of("Contoso Hub Partner Intelligence", "word ".repeat(40),
                null, null, List.of());
        assertEquals("Contoso Hub Partner\u2026", insight.title());
        assertEquals("word ".repeat(25) + "word\u2026", insight.description());
    }

    @Test
    void emojiTextIsCutToTheUtf16LimitsOnBothActions() {
        String flags = "\uD83C\uDDE9\uD83C\uDDEA".repeat(15); // 15 graphemes, 30 code points, 60 units
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67 "; // 9 units
        OpportunityInsight insight = OpportunityInsight.of(flags, family.repeat(20), null,
                OffsetDateTime.parse("2026-11-25T10:30:00Z"), List.of());
        assertEquals("\uD83C\uDDE9\uD83C\uDDEA".repeat(4) + "\u2026", insight.title());
        assertEquals(family.repeat(14).strip() + "\u2026", insight.description());
        RecordSummaryInsight summary = RecordSummaryInsight.of(insight);
        assertEquals(insight.title(), summary.title());
        assertEquals(insight.description(), summary.description());
    }

    @Test
    void repeatedPropertyNamesKeepTheFirst() {
        OpportunityInsight insight = OpportunityInsight.of("t", "d", null, null,
                List.of(new InsightProperty("Stage", "Validation"), new InsightProperty("Stage", "Closed")));
        assertEquals("{\"title\":\"t\",\"description\":\"d\",\"additionalProperties\":{\"Stage\":\"Validation\"}}",
                JSONB.toJson(insight));
    }

    @Test
    void timesAreUtcWithOnlyTheStoredFraction() {
        UtcDateTimeAdapter adapter = new UtcDateTimeAdapter();
        assertEquals("2017-07-21T17:32:28Z", adapter.adaptToJson(Instant.parse("2017-07-21T17:32:28Z")));
        assertEquals("2017-07-21T17:32:28.5Z",
                adapter.adaptToJson(Instant.parse("2017-07-21T17:32:28.500Z")));
        assertEquals("2023-09-07T03:42:35.46623Z",
                adapter.adaptToJson(OffsetDateTime.of(2023, 9, 7, 3, 42, 35, 466_230_000, ZoneOffset.UTC).toInstant()));
    }
}
