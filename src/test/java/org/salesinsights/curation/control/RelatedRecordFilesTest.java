package org.salesinsights.curation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.salesinsights.insights.control.CrmRecordKey;
import org.salesinsights.insights.control.InsightsQueryParser;
import org.salesinsights.insights.control.PagingLimits;
import org.salesinsights.insights.entity.CrmType;
import org.salesinsights.platform.errors.ApiException;

/** Related records in the JSON import and export file, beside the insights: read, checked, written back the same. */
class RelatedRecordFilesTest {

    static final InsightsQueryParser RECORDS = new InsightsQueryParser(new PagingLimits(5, 25));
    private static final String GUID = "d1c6a4e2-0000-4000-a000-000000000101";

    @Test
    void aFileWrittenReadsBackAsTheSameRelatedRecords() {
        RelatedRecordFiles.Row row = new RelatedRecordFiles.Row(0, new CrmRecordKey(CrmType.DYNAMICS_365,
                Optional.of("contoso.crm.dynamics.com"), "opportunity", GUID), new RelatedRecordDocument("C-1",
                        "contract", "Contract", "Contracts", "Renewal \"2026\"", "https://hub.example.com/c/1", "en",
                        3, List.of(new InsightDocument.Property("Status", "Signed"),
                                new InsightDocument.Property("Owner", "Kenny Smith"))), "contracts");
        String file = InsightFileWriter.json(List.of(), List.of(row));
        InsightFiles.Read read = InsightFiles.readJson(file, RECORDS);
        assertEquals(List.of(), read.problems());
        assertEquals(List.of(), read.rows());
        assertEquals(1, read.relatedRecords().size());
        assertEquals(row.crmRecord(), read.relatedRecords().get(0).crmRecord());
        assertEquals(row.document(), read.relatedRecords().get(0).document());
        assertEquals("contracts", read.relatedRecords().get(0).source(), "a fed one stays fed");
        assertEquals(file, InsightFileWriter.json(List.of(), read.relatedRecords()), "written again, the same file");
        assertFalse(InsightFileWriter.json(List.of()).contains("relatedRecords"), "a file of insights only stays as"
                + " it was");
    }

    @Test
    void everyProblemIsListedByLineAndARepeatedRecordIsRefused() {
        String entry = "{\"crmRecord\": {\"crmType\": \"Dynamics 365\", \"orgUrl\": \"contoso.crm.dynamics.com\","
                + " \"recordType\": \"opportunity\", \"recordId\": \"" + GUID + "\"}, \"recordId\": \"C-1\","
                + " \"recordType\": \"contract\", \"recordTypeDisplayName\": \"Contract\","
                + " \"recordTypePluralDisplayName\": \"Contracts\", \"recordTitle\": \"T\"}";
        InsightFiles.Read read = InsightFiles.readJson("{\"insights\": [],\n\"relatedRecords\": [\n" + entry + ",\n"
                + entry + ",\n{\"recordId\": \"C-2\"},\n7,\n" + entry.replace("{\"crmRecord\"", "{\"source\": \"a b\","
                + " \"crmRecord\"") + "]}", RECORDS);
        assertEquals(List.of(4, 5, 6, 7), read.problems().stream().map(InsightFiles.Problem::line).sorted().toList(),
                read.problems()::toString);
        assertTrue(read.problems().stream().anyMatch(p -> p.fields().containsKey("crmRecord")
                && p.fields().containsKey("recordTitle")), read.problems()::toString);
        ApiException refused = assertThrows(ApiException.class, () -> InsightFiles.readJson("{\"insights\": [],"
                + " \"relatedRecords\": {}}", RECORDS));
        assertEquals(400, refused.status());
        assertEquals(400, assertThrows(ApiException.class, () -> InsightFiles.readJson("{\"insights\": [],"
                + " \"relatedRecords\": [], \"more\": 1}", RECORDS)).status());
        assertEquals(400, assertThrows(ApiException.class, () -> InsightFiles.readJson("{\"insights\": [],"
                + " \"relatedRecords\": []}", RECORDS)).status(), "an empty file is a mistake");
    }
}
