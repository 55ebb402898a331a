package org.salesinsights.curation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.salesinsights.platform.errors.ApiException;

class InsightDocumentParserTest {

    @Test
    void aFullDocumentIsNormalized() {
        InsightDocument document = InsightDocumentParser.parse("{\"title\": \" Budget approved \","
                + " \"description\": \"The CFO approved it.\", \"url\": \"https://hub.example.com/b?x=1\","
                + " \"dateTime\": \"2026-11-25T10:30:00+01:00\", \"pinned\": true, \"priority\": -5,"
                + " \"language\": \"de-at\", \"visibleFrom\": \"2026-11-01T00:00:00-05:00\","
                + " \"additionalProperties\": {\"Zeta\": \"1\", \"Alpha\": \" 2 \"}}");
        assertEquals("Budget approved", document.title());
        assertEquals(OffsetDateTime.parse("2026-11-25T09:30:00Z"), document.dateTime());
        assertEquals(OffsetDateTime.parse("2026-11-01T05:00:00Z"), document.visibleFrom());
        assertNull(document.visibleUntil());
        assertEquals("de-AT", document.language());
        assertEquals(-5, document.priority());
        assertEquals(List.of(new InsightDocument.Property("Zeta", "1"), new InsightDocument.Property("Alpha", "2")),
                document.additionalProperties(), "the curated order is kept");
    }

    @Test
    void aHugePriorityDoesNotWrapAroundIntoRange() {
        for (String priority : List.of("18446744073709551617", "-9223372036854775808", "1001", "1.5")) {
            ApiException bad = assertThrows(ApiException.class, () -> InsightDocumentParser.parse(
                    "{\"title\": \"t\", \"description\": \"d\", \"priority\": " + priority + "}"), priority);
            assertEquals(Set.of("priority"), bad.details().keySet());
        }
        assertEquals(-1000, InsightDocumentParser.parse("{\"title\": \"t\", \"description\": \"d\","
                + " \"priority\": -1000}").priority());
    }

    @Test
    void aKeyNamesTheInsightWithinItsRecord() {
        assertEquals("crm:contract/2026-11_v2", InsightDocumentParser.parse("{\"key\": \" crm:contract/2026-11_v2 \","
                + " \"title\": \"t\", \"description\": \"d\"}").key());
        assertNull(InsightDocumentParser.parse("{\"title\": \"t\", \"description\": \"d\"}").key());
        for (String key : List.of("", "-starts-with-dash", "has space", "x".repeat(101), "\u00e9t\u00e9")) {
            ApiException bad = assertThrows(ApiException.class, () -> InsightDocumentParser.parse("{\"key\": \""
                    + key + "\", \"title\": \"t\", \"description\": \"d\"}"), key);
            assertEquals(Set.of("key"), bad.details().keySet());
        }
    }

    @Test
    void charactersAreCountedInUtf16CodeUnits() {
        ApiException tooLong = assertThrows(ApiException.class, () -> InsightDocumentParser.parse(
                "{\"title\": \"" + "a".repeat(21) + "\", \"description\": \"" + "b".repeat(131) + "\"}"));
        assertEquals(Set.of("title", "description"), tooLong.details().keySet());
        assertEquals("must be 1 to 20 characters (UTF-16 code units; an emoji counts 2 or more); it has 21.",
                tooLong.details().get("title"));
        assertEquals("must be 1 to 130 characters (UTF-16 code units; an emoji counts 2 or more); it has 131.",
                tooLong.details().get("description"));
    }

    @Test
    void emojiCombiningMarksAndRightToLeftTextCountEveryUnit() {
        // each case: text of exactly 20 UTF-16 units (accepted as a title), and the same with one more unit (refused)
        Map<String, String> twenty = new LinkedHashMap<>();
        twenty.put("thumbs up, astral", "\uD83D\uDC4D".repeat(10));
        twenty.put("flags", "\uD83C\uDDE9\uD83C\uDDEA".repeat(5));
        twenty.put("family, a ZWJ sequence",
                "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67".repeat(2) + "abcd");
        twenty.put("combining marks", "e\u0301".repeat(10));
        twenty.put("Hebrew with points",
                "\u05E9\u05C1\u05B8\u05DC\u05D5\u05B9\u05DD ".repeat(2) + "\u05D0\u05D1\u05D2\u05D3");
        twenty.put("Arabic with a right-to-left mark", "\u200F\u0645\u0631\u062D\u0628\u0627 "
                + "\u0628\u0627\u0644\u0639\u0627\u0644\u0645 \u0634\u0643\u0631\u064B\u0627");
        twenty.forEach((name, text) -> {
            assertEquals(20, text.length(), name);
            assertEquals(text, InsightDocumentParser.parse(json(text)).title(), name);
            for (String more : List.of("x", "\u0301", "\uD83D\uDC4D")) {
                ApiException bad = assertThrows(ApiException.class,
                        () -> InsightDocumentParser.parse(json(text + more)), name);
                assertEquals("must be 1 to 20 characters (UTF-16 code units; an emoji counts 2 or more); it has "
                        + (20 + more.length()) + ".", bad.details().get("title"), name);
            }
        });
    }

    @Test
    void translationsAreCountedTheSameWay() {
        String flags = "\uD83C\uDDE9\uD83C\uDDEA".repeat(6); // 6 graphemes, 12 code points, 24 units
        ApiException bad = assertThrows(ApiException.class, () -> InsightDocumentParser.parseTranslation(
                json(flags)));
        assertEquals("must be 1 to 20 characters (UTF-16 code units; an emoji counts 2 or more); it has 24.",
                bad.details().get("title"));
    }

    private static String json(String title) {
        return "{\"title\": \"" + title + "\", \"description\": \"d\"}";
    }

    @Test
    void everyProblemIsListedByField() {
        ApiException e = assertThrows(ApiException.class, () -> InsightDocumentParser.parse("{\"title\": 3,"
                + " \"url\": \"https://user:pw@example.com\", \"dateTime\": \"2026-11-25T10:30:00\","
                + " \"pinned\": \"yes\", \"priority\": 1.5, \"language\": \"12\","
                + " \"visibleFrom\": \"2026-12-01T00:00:00Z\", \"visibleUntil\": \"2026-12-01T00:00:00Z\","
                + " \"additionalProperties\": {\"A\": 1}, \"extra\": null}"));
        assertEquals(400, e.status());
        assertEquals(Set.of("extra", "title", "description", "url", "dateTime", "pinned", "priority", "language",
                "visibleUntil", "additionalProperties.A"), e.details().keySet());
    }

    @Test
    void propertiesAreCapped() {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 11; i++) {
            many.append(i == 0 ? "" : ",").append("\"p").append(i).append("\": \"v\"");
        }
        ApiException e = assertThrows(ApiException.class, () -> InsightDocumentParser.parse(
                "{\"title\": \"t\", \"description\": \"d\", \"additionalProperties\": {" + many + "}}"));
        assertEquals(Set.of("additionalProperties"), e.details().keySet());
    }

    @Test
    void onlyHttpsUrlsAndJsonObjects() {
        for (String url : List.of("http://example.com", "ftp://example.com", "/relative", "https://")) {
            ApiException e = assertThrows(ApiException.class, () -> InsightDocumentParser.parse(
                    "{\"title\": \"t\", \"description\": \"d\", \"url\": \"" + url + "\"}"), url);
            assertEquals(Set.of("url"), e.details().keySet(), url);
        }
        for (String body : List.of("", "[]", "{", "null")) {
            assertEquals(400, assertThrows(ApiException.class, () -> InsightDocumentParser.parse(body)).status());
        }
    }

    @Test
    void timesNoDatabaseStoresAndBrokenTextAreProblemsOfTheirFields() {
        ApiException bad = assertThrows(ApiException.class, () -> InsightDocumentParser.parse("{\"title\": \"\\ud800\","
                + " \"description\": \"ok \\udfff\", \"dateTime\": \"+999999999-12-31T23:59:59-18:00\","
                + " \"visibleFrom\": \"+10000-01-01T00:00:00Z\", \"visibleUntil\": \"-0001-01-01T00:00:00Z\","
                + " \"additionalProperties\": {\"Owner\": \"\\ud83d\"}}"));
        assertEquals(Set.of("title", "description", "dateTime", "visibleFrom", "visibleUntil", "additionalProperties.Owner"),
                bad.details().keySet(), bad.details()::toString);
        assertEquals(OffsetDateTime.parse("9999-12-31T23:59:59Z"), InsightDocumentParser.parse("{\"title\": \"t\","
                + " \"description\": \"d\", \"dateTime\": \"9999-12-31T23:59:59Z\"}").dateTime());
    }

    @Test
    void aCsvProblemIsToldWithoutJavaClassNames() {
        ApiException bad = assertThrows(ApiException.class, () -> InsightFiles.readCsv(
                "crmType,orgUrl,recordType,recordId,key,title,description\nx,\"a\"b,c,d,e,f,g\n",
                InsightFilesTest.RECORDS));
        assertEquals(false, bad.getMessage().matches("(?s).*(java\\.|Exception).*"), bad.getMessage());
    }
}
