package org.salesinsights.curation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.salesinsights.insights.control.FeedNames;
import org.salesinsights.insights.control.InsightsQueryParser;
import org.salesinsights.insights.control.PagingLimits;
import org.salesinsights.insights.entity.CrmType;
import org.salesinsights.platform.errors.ApiException;
import org.salesinsights.platform.errors.ErrorCode;

class InsightFilesTest {

    static final InsightsQueryParser RECORDS = new InsightsQueryParser(new PagingLimits(5, 25));
    static final String HEADER = "crmType,orgUrl,recordType,recordId,key,title,description,additionalProperties\r\n";
    static final String RECORD = "Dynamics 365,https://contoso.crm.dynamics.com/,opportunity,"
            + "D1C6A4E2-0000-4000-A000-000000000101,";

    static InsightRow row(String key, String title, Map<String, InsightDocument> translations) {
        return row(key, title, translations, null, false);
    }

    static InsightRow row(String key, String title, Map<String, InsightDocument> translations, InsightRow.Fed fed,
            Boolean hidden) {
        return new InsightRow(0, 0, CrmType.DYNAMICS_365, "contoso.crm.dynamics.com", "opportunity",
                "d1c6a4e2-0000-4000-a000-000000000101", "Contoso Hub, 120 machines",
                new InsightDocument(key, title, "Line one, \"quoted\"; and more", "https://hub.example.com/a?b=1,2",
                        OffsetDateTime.parse("2026-11-25T09:30:00.123456Z"), true, -3, "en",
                        OffsetDateTime.parse("2026-11-01T00:00:00Z"), null,
                        List.of(new InsightDocument.Property("Stage", "Closing, soon"),
                                new InsightDocument.Property("Owner", "Tony \"T\" Benis"))),
                translations, fed, hidden);
    }

    static final Map<String, InsightDocument> GERMAN = Map.of("de", new InsightDocument(null, "Vertrag",
            "Unterschrieben", null, null, false, 0, null, null, null,
            List.of(new InsightDocument.Property("Phase", "Abschluss"))));

    @Test
    void aJsonExportReadsBackAsTheSameRows() {
        List<InsightRow> rows = List.of(row("contract", "Contract signed", GERMAN), row("budget", "-5% budget",
                Map.of()));
        List<InsightRow> read = InsightFiles.readJson(InsightFileWriter.json(rows), RECORDS).orThrow();
        assertEquals(2, read.size());
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(rows.get(i).insight(), read.get(i).insight());
            assertEquals(rows.get(i).translations(), read.get(i).translations());
            assertEquals(rows.get(i).identity(), read.get(i).identity());
            assertEquals(rows.get(i).recordName(), read.get(i).recordName());
        }
    }

    @Test
    void aCsvExportReadsBackAsTheSameRowsWithoutTranslations() {
        List<InsightRow> rows = List.of(row("contract", "Contract signed", GERMAN), row("budget", "=SUM(A1)",
                Map.of()));
        String csv = InsightFileWriter.csv(rows);
        assertTrue(csv.contains(",'=SUM(A1),"), "a formula-like cell is defused for spreadsheets: " + csv);
        List<InsightRow> read = InsightFiles.readCsv(csv, RECORDS).orThrow();
        assertEquals(rows.get(0).insight(), read.get(0).insight());
        assertEquals("=SUM(A1)", read.get(1).insight().title(), "the apostrophe comes off again");
        String apostrophe = InsightFileWriter.csv(List.of(row("quoted", "'=x", Map.of())));
        assertEquals("'=x", InsightFiles.readCsv(apostrophe, RECORDS).orThrow().get(0).insight().title(),
                "a title that starts with the escape itself comes back as it was");
        assertNull(read.get(0).translations(), "CSV says nothing of translations, so an import leaves them");
        assertEquals(rows.get(1).recordName(), read.get(1).recordName());
    }

    @Test
    void aFedOrHiddenInsightReadsBackAsFedAndHiddenInBothFormats() {
        InsightRow.Fed quote = new InsightRow.Fed("quotes", "Q-2026-0912:r2");
        List<InsightRow> rows = List.of(row("feed-17", "Quote sent", GERMAN, quote, true),
                row("budget", "Budget", Map.of(), null, true), row("contract", "Contract", Map.of(),
                        new InsightRow.Fed("contracts", "C-1"), false));
        String json = InsightFileWriter.json(rows);
        assertTrue(json.contains("\"key\": \"feed-17\",\n            \"source\": \"quotes\",\n"
                + "            \"externalId\": \"Q-2026-0912:r2\","), json);
        assertTrue(json.contains("\"priority\": -3,\n            \"hidden\": true,"), json);
        String csv = InsightFileWriter.csv(rows);
        assertEquals("crmType,orgUrl,recordType,recordId,recordName,key,source,externalId,title,description,url,"
                + "dateTime,pinned,priority,hidden,language,visibleFrom,visibleUntil,additionalProperties",
                csv.lines().findFirst().orElseThrow());
        for (List<InsightRow> read : List.of(InsightFiles.readJson(json, RECORDS).orThrow(),
                InsightFiles.readCsv(csv, RECORDS).orThrow())) {
            assertEquals(rows.stream().map(InsightRow::fed).toList(), read.stream().map(InsightRow::fed).toList());
            assertEquals(List.of(true, true, false), read.stream().map(InsightRow::hidden).toList());
            assertEquals(rows.get(0).insight(), read.get(0).insight());
        }
    }

    @Test
    void aFileWrittenBeforeFeedsSaysNothingOfThemSoAnImportLeavesThem() {
        InsightRow json = InsightFiles.readJson("{\"insights\": [{\"orgUrl\": \"contoso.crm.dynamics.com\","
                + " \"recordType\": \"opportunity\", \"recordId\": \"d1c6a4e2-0000-4000-a000-000000000101\","
                + " \"key\": \"a\", \"title\": \"t\", \"description\": \"d\"}]}", RECORDS).orThrow().get(0);
        InsightRow csv = InsightFiles.readCsv(HEADER + RECORD + "a,t,d,\r\n", RECORDS).orThrow().get(0);
        for (InsightRow row : List.of(json, csv)) {
            assertNull(row.fed(), "not fed");
            assertNull(row.hidden(), "says nothing: a new insight is shown, an existing one keeps its choice");
        }
        InsightRow emptyCells = InsightFiles.readCsv("orgUrl,recordType,recordId,key,source,externalId,title,"
                + "description,hidden\r\ncontoso.crm.dynamics.com,opportunity,d1c6a4e2-0000-4000-a000-000000000101,"
                + "a,,,t,d,\r\n", RECORDS).orThrow().get(0);
        assertNull(emptyCells.fed(), "empty cells are a curated insight, as the export writes one");
        assertNull(emptyCells.hidden());
    }

    @Test
    void aFeedNameIsCheckedAsTheFeedApiChecksItAndNamesOneInsightOfAnOrganization() {
        String header = "crmType,orgUrl,recordType,recordId,key,source,externalId,title,description,hidden\r\n";
        String other = "Dynamics 365,https://contoso.crm.dynamics.com/,opportunity,"
                + "D1C6A4E2-0000-4000-A000-000000000102,";
        String csv = header
                + RECORD + "a,quotes,Q-1,t,d,false\r\n"
                + other + "b,quotes,Q-1,t,d,TRUE\r\n"                // the same name in the same organization
                + RECORD + "c,cases,Q-1,t,d,\r\n"                     // another source: another name
                + "Salesforce,fabrikam.my.salesforce.com,opportunity,006Dn00000A1b2C,d,quotes,Q-1,t,d,\r\n"
                + RECORD + "e,quotes,,t,d,\r\n"
                + RECORD + "f,,Q-2,t,d,yes\r\n"
                + RECORD + "g,bad source,'=Q-3,t,d,\r\n";
        ApiException problems = assertThrows(ApiException.class, () -> InsightFiles.readCsv(csv, RECORDS).orThrow());
        assertEquals(List.of("line 3", "line 6", "line 7", "line 8"), List.copyOf(problems.details().keySet()));
        assertEquals(Map.of("externalId", "names the same fed insight of the organization (source quotes) as line 2."),
                problems.details().get("line 3"));
        assertEquals(Map.of("externalId", "is required with source: a fed insight is named by both."),
                problems.details().get("line 6"));
        assertEquals(Map.of("source", "is required with externalId: a fed insight is named by both.",
                "hidden", "must be true or false."), problems.details().get("line 7"));
        assertEquals(Map.of("source", FeedNames.SOURCE_RULE, "externalId", FeedNames.EXTERNAL_ID_RULE),
                problems.details().get("line 8"));

        String json = "{\"insights\": [{\"orgUrl\": \"contoso.crm.dynamics.com\", \"recordType\": \"opportunity\","
                + " \"recordId\": \"d1c6a4e2-0000-4000-a000-000000000101\", \"key\": \"a\", \"title\": \"t\","
                + " \"description\": \"d\", \"source\": 7, \"externalId\": \"Q-1\", \"hidden\": \"true\"}]}";
        assertEquals(Map.of("line 1", Map.of("source", "must be a string.", "hidden", "must be true or false.")),
                assertThrows(ApiException.class, () -> InsightFiles.readJson(json, RECORDS).orThrow()).details());
    }

    @Test
    void everyFailingRowIsReportedByTheLineItStartsOn() {
        String csv = "\uFEFF" + HEADER
                + RECORD + "ok,Fine,d,\"{\n  \"\"Stage\"\": \"\"Closing\"\"\n}\"\r\n"
                + "\r\n"
                + RECORD + "long," + "a".repeat(21) + ",d,\r\n"
                + RECORD + ",No key,d,\r\n"
                + "Dynamics 365,https://contoso.crm.dynamics.com,opportunity,not-a-guid,k,t,d,\r\n"
                + RECORD + "ok,Twice,d,";
        ApiException problems = assertThrows(ApiException.class, () -> InsightFiles.readCsv(csv, RECORDS).orThrow());
        assertEquals(400, problems.status());
        assertEquals(List.of("line 6", "line 7", "line 8", "line 9"), List.copyOf(problems.details().keySet()),
                "a cell over three lines, an empty line, and a last line without a line break are counted");
        assertEquals(Map.of("title", "must be 1 to 20 characters (UTF-16 code units; an emoji counts 2 or more);"
                + " it has 21."), problems.details().get("line 6"));
        assertTrue(((Map<?, ?>) problems.details().get("line 7")).containsKey("key"));
        assertTrue(((Map<?, ?>) problems.details().get("line 8")).containsKey("recordId"));
        assertEquals(Map.of("key", "names the same insight of the same record as line 2."),
                problems.details().get("line 9"));
    }

    @Test
    void jsonRowsAreReportedByTheLineTheirObjectStartsOn() {
        String json = "{\"insights\": [\n"
                + "  {\"orgUrl\": \"contoso.crm.dynamics.com\", \"recordType\": \"opportunity\",\n"
                + "   \"recordId\": \"d1c6a4e2-0000-4000-a000-000000000101\", \"key\": \"a\", \"title\": \"t\","
                + " \"description\": \"d\"},\n"
                + "  {\"orgUrl\": \"contoso.crm.dynamics.com\", \"recordType\": \"opportunity\",\n"
                + "   \"recordId\": \"d1c6a4e2-0000-4000-a000-000000000101\", \"key\": \"b\", \"title\": \"t\","
                + " \"description\": \"d\", \"colour\": \"red\", \"translations\": {\"xx-!\": {}}},\n"
                + "  42\n"
                + "]}";
        ApiException problems = assertThrows(ApiException.class, () -> InsightFiles.readJson(json, RECORDS).orThrow());
        assertEquals(List.of("line 4", "line 6"), List.copyOf(problems.details().keySet()));
        assertEquals(Map.of("insight", "must be an insight object."), problems.details().get("line 6"));
        assertEquals(Map.of("colour", "is not a known field.",
                "translations.xx-!", "must be named by a language tag, such as de or fr-CA."),
                problems.details().get("line 4"));
    }

    @Test
    void insightsOnOneLineAreToldApartAndNoneIsLost() {
        String row = "{\"orgUrl\": \"contoso.crm.dynamics.com\", \"recordType\": \"opportunity\", \"recordId\":"
                + " \"d1c6a4e2-0000-4000-a000-000000000101\", \"description\": \"d\", ";
        String json = "{\"insights\": [" + row + "\"key\": \"a\", \"title\": \"" + "x".repeat(21) + "\"}, "
                + row + "\"key\": \"b\", \"title\": \"t\", \"url\": \"http://plain\"}, " + row
                + "\"key\": \"c\", \"title\": \"fine\"}]}";
        InsightFiles.Read read = InsightFiles.readJson(json, RECORDS);
        assertEquals(1, read.rows().size());
        ApiException problems = assertThrows(ApiException.class, read::orThrow);
        assertEquals(List.of("line 1, insight 1", "line 1, insight 2"), List.copyOf(problems.details().keySet()));
        assertEquals("The file has problems in 2 insights; nothing was imported. details lists them by line.",
                problems.getMessage());
    }

    @Test
    void aFileThatIsNoInsightFileSaysSo() {
        assertEquals("The file cannot be read as JSON: it is not valid JSON at line 2, column 4.",
                assertThrows(ApiException.class, () -> InsightFiles.readJson("{\"insights\": [\n  {,", RECORDS))
                        .getMessage(), "a file that cannot be read fails at once");
        assertThrows(ApiException.class, () -> InsightFiles.readJson("[]", RECORDS).orThrow());
        assertThrows(ApiException.class, () -> InsightFiles.readJson("{\"insights\": []}", RECORDS).orThrow());
        ApiException columns = assertThrows(ApiException.class,
                () -> InsightFiles.readCsv("orgUrl,title,colour\r\n", RECORDS).orThrow());
        assertEquals(Map.of("line 1", Map.of("colour", "is not a known column.",
                "description", "is a required column.", "key", "is a required column.",
                "recordId", "is a required column.", "recordType", "is a required column.")), columns.details());
    }

    @Test
    void csvCellsAreTyped() {
        String csv = "orgUrl,recordType,recordId,key,title,description,pinned,priority,additionalProperties\r\n"
                + "contoso.crm.dynamics.com,opportunity,d1c6a4e2-0000-4000-a000-000000000101,k,t,d,TRUE,7,"
                + "\"{\"\"Stage\"\": \"\"Closing\"\"}\"\r\n"
                + "contoso.crm.dynamics.com,opportunity,d1c6a4e2-0000-4000-a000-000000000101,k2,t,d,yes,high,"
                + "Stage=Closing\r\n";
        ApiException problems = assertThrows(ApiException.class, () -> InsightFiles.readCsv(csv, RECORDS).orThrow());
        assertEquals(List.of("line 3"), List.copyOf(problems.details().keySet()));
        assertEquals(List.of("pinned", "priority", "additionalProperties"),
                List.copyOf(((Map<?, ?>) problems.details().get("line 3")).keySet()));
        InsightRow row = InsightFiles.readCsv(csv.substring(0, csv.lastIndexOf("contoso")), RECORDS).orThrow()
                .get(0);
        assertTrue(row.insight().pinned());
        assertEquals(7, row.insight().priority());
        assertEquals(CrmType.DYNAMICS_365, row.crmType(), "the CRM type follows from the record id, as when reading");
    }
    @Test
    void theRowLimitCountsEveryEntryAndAFileOfExactlyTheLimitReads() {
        String row = "{\"orgUrl\": \"contoso.crm.dynamics.com\", \"recordType\": \"opportunity\", \"recordId\":"
                + " \"d1c6a4e2-0000-4000-a000-000000000101\", \"title\": \"t\", \"description\": \"d\", \"key\": \"k";
        StringBuilder json = new StringBuilder("{\"insights\": [");
        for (int i = 0; i < InsightFiles.MAX_ROWS; i++) {
            json.append(i == 0 ? "" : ",\n").append(row).append(i).append("\"}");
        }
        assertEquals(InsightFiles.MAX_ROWS, InsightFiles.readJson(json + "]}", RECORDS).orThrow().size(),
                "a file of exactly the limit reads");
        ApiException oneMore = assertThrows(ApiException.class,
                () -> InsightFiles.readJson(json + ",\n" + row + "x\"}]}", RECORDS));
        assertEquals(413, oneMore.status());

        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < InsightFiles.MAX_ROWS; i++) {
            csv.append(RECORD).append("k").append(i).append(",t,d,\r\n");
        }
        assertEquals(InsightFiles.MAX_ROWS, InsightFiles.readCsv(csv.toString(), RECORDS).orThrow().size());
        assertEquals(413, assertThrows(ApiException.class, () -> InsightFiles.readCsv(csv + RECORD + "x,t,d,\r\n",
                RECORDS)).status());

        // entries that are no insight count too: 200,000 numbers are refused, not listed one by one
        String numbers = "{\"insights\": [" + "1,".repeat(200_000) + "1]}";
        ApiException refused = assertThrows(ApiException.class, () -> InsightFiles.readJson(numbers, RECORDS));
        assertEquals(413, refused.status());
        assertEquals(ErrorCode.PAYLOAD_TOO_LARGE, refused.errorCode());
        assertNull(refused.details());
    }

    @Test
    void theProblemsListedAreCappedAndTheRestCounted() {
        String numbers = "{\"insights\": [" + "1,\n".repeat(InsightFiles.MAX_ROWS - 1) + "1]}";
        ApiException problems = assertThrows(ApiException.class,
                () -> InsightFiles.readJson(numbers, RECORDS).orThrow());
        assertEquals(400, problems.status());
        assertEquals(InsightFiles.MAX_LISTED_PROBLEMS + 1, problems.details().size());
        assertEquals(Map.of("insight", "must be an insight object."), problems.details().get("line 1"));
        assertTrue(problems.details().containsKey("line " + InsightFiles.MAX_LISTED_PROBLEMS));
        assertEquals(InsightFiles.MAX_ROWS - InsightFiles.MAX_LISTED_PROBLEMS,
                problems.details().get(InsightFiles.NOT_LISTED));
        assertEquals("The file has problems in 10000 insights; nothing was imported. details lists the first 100 by"
                + " line and counts the rest in notListed.", problems.getMessage());
    }
}
