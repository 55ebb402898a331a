package org.salesinsights.curation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.salesinsights.platform.errors.ApiException;

/** A curator's related record: Microsoft's fields, checked all at once, every problem by field. */
class RelatedRecordDocumentParserTest {

    @Test
    void aWholeRelatedRecordIsReadTrimmedWithItsPropertiesInOrder() {
        RelatedRecordDocument document = RelatedRecordDocumentParser.parse("{\"recordId\": \" C-1 \", \"recordType\":"
                + " \"contract\", \"recordTypeDisplayName\": \"Vertrag\", \"recordTypePluralDisplayName\":"
                + " \"Verträge\", \"recordTitle\": \"Rahmenvertrag 2026\", \"url\": \"https://hub.example.com/v/1\","
                + " \"language\": \"de-at\", \"priority\": -3, \"additionalProperties\": {\"Status\": \"Offen\","
                + " \"Betrag\": \"EUR 10.000\"}}");
        assertEquals(new RelatedRecordDocument("C-1", "contract", "Vertrag", "Verträge", "Rahmenvertrag 2026",
                "https://hub.example.com/v/1", "de-AT", -3, List.of(new InsightDocument.Property("Status", "Offen"),
                        new InsightDocument.Property("Betrag", "EUR 10.000"))), document);
    }

    @Test
    void onlyTheFieldsMicrosoftRequiresAreNeeded() {
        RelatedRecordDocument document = RelatedRecordDocumentParser.parse("{\"recordId\": \"Q-1\", \"recordType\":"
                + " \"quote\", \"recordTypeDisplayName\": \"Quote\", \"recordTypePluralDisplayName\": \"Quotes\","
                + " \"recordTitle\": \"Q\"}");
        assertEquals(0, document.priority());
        assertEquals(List.of(), document.additionalProperties());
        assertEquals(null, document.url());
    }

    @Test
    void everyProblemIsNamedByItsField() {
        ApiException refused = assertThrows(ApiException.class, () -> RelatedRecordDocumentParser.parse(
                "{\"recordId\": \"" + "x".repeat(201) + "\", \"recordType\": \"9lives\", \"recordTypeDisplayName\":"
                        + " \"\", \"recordTitle\": \"a\\nb\", \"url\": \"http://plain.example.com\", \"language\":"
                        + " \"not a tag!\", \"priority\": 1e9, \"additionalProperties\": [], \"recordDate\": 1}"));
        assertEquals(400, refused.status());
        assertEquals(Set.of("recordDate", "recordId", "recordType", "recordTypeDisplayName",
                "recordTypePluralDisplayName", "recordTitle", "url", "language", "priority", "additionalProperties"),
                refused.details().keySet(), refused.details()::toString);
    }

    @Test
    void aBodyThatIsNoObjectIsRefused() {
        for (String body : List.of("", "[]", "null", "{")) {
            assertEquals(400, assertThrows(ApiException.class, () -> RelatedRecordDocumentParser.parse(body))
                    .status(), body);
        }
    }
}
