package org.salesinsights.curation.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.salesinsights.curation.boundary.CurationViews.InsightView;
import org.salesinsights.curation.control.InsightDocument;
import org.salesinsights.curation.control.InsightDocument.Property;
import org.salesinsights.curation.control.InsightFileWriter;
import org.salesinsights.curation.control.InsightFiles;
import org.salesinsights.curation.control.InsightRow;
import org.salesinsights.insights.control.InsightsQueryParser;
import org.salesinsights.insights.control.PagingLimits;
import org.salesinsights.insights.entity.CrmOrganization;
import org.salesinsights.insights.entity.CrmRecord;
import org.salesinsights.insights.entity.CrmType;
import org.salesinsights.insights.entity.Insight;
import org.salesinsights.insights.entity.InsightProperty;
import org.salesinsights.insights.entity.InsightTranslation;

/**
 * An insight whose properties repeat a name (a curator sent {@code "Quote"} and {@code " Quote"}, which name the same
 * property once stripped) reads the same everywhere: the name once, with its last value, where it first stood.
 */
class InsightMappingTest {

    private static final OffsetDateTime AT = OffsetDateTime.of(2026, 11, 21, 11, 11, 11, 0, ZoneOffset.ofHours(2));

    @Test
    void aRepeatedNameKeepsItsLastValueAtItsFirstPlaceInTheViewTheDocumentAndTheFileRow() throws Exception {
        Insight insight = insight();
        List<InsightTranslation> translations = List.of(translation(insight));

        InsightView view = InsightMapping.view(insight, translations);
        assertEquals(List.of("Quote", "Stage"), List.copyOf(view.additionalProperties().keySet()));
        assertEquals(Map.of("Quote", "Q-2", "Stage", "Won"), view.additionalProperties());
        assertEquals(Map.of("Angebot", "A-2"), view.translations().get("de").additionalProperties());

        List<Property> distinct = List.of(new Property("Quote", "Q-2"), new Property("Stage", "Won"));
        assertEquals(distinct, InsightMapping.document(insight).additionalProperties());
        InsightRow row = InsightMapping.row(insight, translations);
        assertEquals(distinct, row.insight().additionalProperties());
        assertEquals(List.of(new Property("Angebot", "A-2")),
                row.translations().get("de").additionalProperties());
        assertEquals(AT.withOffsetSameInstant(ZoneOffset.UTC), row.insight().dateTime());
    }

    @Test
    void bothFilesWriteARepeatedNameOnceAndReadBackAsTheInsightHasIt() throws Exception {
        Insight insight = insight();
        List<InsightTranslation> translations = List.of(translation(insight));
        InsightRow row = InsightMapping.row(insight, translations);

        String json = InsightFileWriter.json(List.of(row));
        assertFalse(json.contains("Q-1"), json);
        assertEquals(json.indexOf("\"Quote\""), json.lastIndexOf("\"Quote\""), json);
        assertTrue(InsightFileWriter.csv(List.of(row)).contains("{\"\"Quote\"\":\"\"Q-2\"\",\"\"Stage\"\":\"\"Won\"\"}"));

        InsightsQueryParser records = new InsightsQueryParser(new PagingLimits(5, 25));
        InsightFiles.Read file = InsightFiles.readJson(json, records);
        assertEquals(List.of(), file.problems());
        InsightRow read = file.rows().get(0);
        assertTrue(InsightMapping.unchanged(insight, translations, read));
    }

    @Test
    void aFileRepeatingANameChangesNothingOfAnInsightThatHasTheSameLastValue() throws Exception {
        Insight insight = insight();
        InsightRow row = InsightMapping.row(insight, List.of());
        InsightDocument document = row.insight();
        InsightDocument repeating = new InsightDocument(document.key(), document.title(), document.description(),
                document.url(), document.dateTime(), document.pinned(), document.priority(), document.language(),
                document.visibleFrom(), document.visibleUntil(), List.of(new Property("Quote", "Q-0"),
                        new Property("Stage", "Won"), new Property("Quote", "Q-2")));
        InsightRow file = new InsightRow(1, 1, row.crmType(), row.orgHost(), row.recordType(), row.recordId(),
                row.recordName(), repeating, Map.of(), row.fed(), null);
        assertTrue(InsightMapping.unchanged(insight, List.of(), file));

        InsightDocument other = new InsightDocument(document.key(), document.title(), document.description(),
                document.url(), document.dateTime(), document.pinned(), document.priority(), document.language(),
                document.visibleFrom(), document.visibleUntil(), List.of(new Property("Quote", "Q-1"),
                        new Property("Stage", "Won")));
        assertFalse(InsightMapping.unchanged(insight, List.of(), new InsightRow(1, 1, row.crmType(), row.orgHost(),
                row.recordType(), row.recordId(), row.recordName(), other, null, row.fed(), null)));
    }

    private static Insight insight() throws ReflectiveOperationException {
        CrmRecord record = new CrmRecord(new CrmOrganization(CrmType.DYNAMICS_365, "contoso.crm.dynamics.com"),
                "opportunity", "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0", "Contoso renewal");
        id(CrmRecord.class, record, 7L);
        Insight insight = new Insight(record);
        insight.change("Quote asked", "They want it by Friday.", null, AT, false, 3, "en", null, null,
                List.of(new InsightProperty("Quote", "Q-1"), new InsightProperty("Stage", "Won"),
                        new InsightProperty("Quote", "Q-2")), "curator", AT);
        insight.rekey("renewal");
        id(Insight.class, insight, 11L);
        return insight;
    }

    private static InsightTranslation translation(Insight insight) {
        InsightTranslation translation = new InsightTranslation(insight, "de");
        translation.change("Angebot erbeten", "Bis Freitag.", List.of(
                new InsightProperty("Angebot", "A-1"), new InsightProperty("Angebot", "A-2")));
        return translation;
    }

    private static <T> void id(Class<T> type, T entity, long id) throws ReflectiveOperationException {
        Field field = type.getDeclaredField("id");
        field.setAccessible(true);
        field.set(entity, id);
    }
}
