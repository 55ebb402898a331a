package org.salesinsights.curation.boundary;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.salesinsights.curation.boundary.CurationViews.InsightView;
import org.salesinsights.curation.boundary.CurationViews.TranslationView;
import org.salesinsights.curation.control.InsightDocument;
import org.salesinsights.curation.control.InsightRow;
import org.salesinsights.insights.entity.CrmRecord;
import org.salesinsights.insights.entity.Insight;
import org.salesinsights.insights.entity.InsightProperty;
import org.salesinsights.insights.entity.InsightTranslation;

/**
 * The one place an insight entity becomes what curators read (its view), what an import compares a file with (its
 * document) and what an export writes (its file row), so the three say the same. An insight's properties may repeat
 * a name (names are stripped after a JSON object made them unique: {@code "a"} and {@code " a"}); everywhere the name
 * is given once, with the last value, at the place it first had: what the sellers' answer shows, and what reading a
 * JSON object with a name given twice gives. {@code InsightMappingTest} pins it.
 */
final class InsightMapping {

    private InsightMapping() {
    }

    static InsightView view(Insight insight, List<InsightTranslation> translations) {
        Map<String, TranslationView> byLanguage = new TreeMap<>();
        for (InsightTranslation translation : translations) {
            byLanguage.put(translation.getLanguage(), new TranslationView(translation.getTitle(),
                    translation.getDescription(), properties(translation.getProperties())));
        }
        return new InsightView(insight.getId(), insight.getRecord().getId(), insight.getVersion(),
                insight.getKey(), insight.getFeedSource(), insight.getFeedExternalId(), insight.getTitle(),
                insight.getDescription(), insight.getUrl(), insight.getOccurredAt(), insight.isPinned(),
                insight.getPriority(), insight.isHidden(), insight.getLanguage(), insight.getVisibleFrom(),
                insight.getVisibleUntil(), properties(insight.getProperties()), byLanguage,
                insight.getUpdatedAt(), insight.getUpdatedBy());
    }

    /** The insight as a curator's document, times in UTC: what an import compares its rows with. */
    static InsightDocument document(Insight insight) {
        return new InsightDocument(insight.getKey(), insight.getTitle(), insight.getDescription(), insight.getUrl(),
                utc(insight.getOccurredAt()), insight.isPinned(), insight.getPriority(), insight.getLanguage(),
                utc(insight.getVisibleFrom()), utc(insight.getVisibleUntil()), documentProperties(
                        insight.getProperties()));
    }

    /** The translations as documents by language: title, description and properties only. */
    static Map<String, InsightDocument> documents(List<InsightTranslation> translations) {
        Map<String, InsightDocument> words = new HashMap<>();
        translations.forEach(t -> words.put(t.getLanguage(), new InsightDocument(null, t.getTitle(),
                t.getDescription(), null, null, false, 0, null, null, null,
                documentProperties(t.getProperties()))));
        return words;
    }

    /** The insight as a row of an export file, with its record, translations, feed's name and the curators' hide. */
    static InsightRow row(Insight insight, List<InsightTranslation> translations) {
        CrmRecord record = insight.getRecord();
        return new InsightRow(0, 0, record.getOrganization().getCrmType(), record.getOrganization().getHost(),
                record.getRecordType(), record.getRecordId(), record.getDisplayName(), document(insight),
                documents(translations), insight.getFeedSource() == null ? null
                        : new InsightRow.Fed(insight.getFeedSource(), insight.getFeedExternalId()),
                insight.isHidden());
    }

    /**
     * Whether importing the row would change nothing of the insight: its document, the curators' hide and its
     * translations are already as the row has them (what the row leaves out, it leaves as it is).
     */
    static boolean unchanged(Insight insight, List<InsightTranslation> translations, InsightRow row) {
        if (!document(insight).equals(distinct(row.insight()))
                || row.hidden() != null && row.hidden() != insight.isHidden()) {
            return false;
        }
        if (row.translations() == null) {
            return true;
        }
        Map<String, InsightDocument> wanted = new HashMap<>();
        row.translations().forEach((language, words) -> wanted.put(language, distinct(words)));
        return documents(translations).equals(wanted);
    }

    /** Gives the insight what a curator's document says. */
    static void apply(Insight insight, InsightDocument document, String by) {
        insight.change(document.title(), document.description(), document.url(), document.dateTime(),
                document.pinned(), document.priority(), document.language(), document.visibleFrom(),
                document.visibleUntil(), entityProperties(document), by, OffsetDateTime.now(ZoneOffset.UTC));
    }

    /** A document as the entity would give it back: each name once, as {@link #properties(List)} has it. */
    private static InsightDocument distinct(InsightDocument document) {
        return new InsightDocument(document.key(), document.title(), document.description(), document.url(),
                document.dateTime(), document.pinned(), document.priority(), document.language(),
                document.visibleFrom(), document.visibleUntil(), distinct(document.additionalProperties()));
    }

    /** The properties to store for a document, in its order. */
    static List<InsightProperty> entityProperties(InsightDocument document) {
        return document.additionalProperties().stream().map(p -> new InsightProperty(p.name(), p.value())).toList();
    }

    /** The properties as the views show them: each name once, as {@link #distinct(List)} gives it. */
    static Map<String, String> properties(List<InsightProperty> list) {
        return byName(asDocument(list));
    }

    private static List<InsightDocument.Property> documentProperties(List<InsightProperty> list) {
        return distinct(asDocument(list));
    }

    /** Each name once: the last value given for it, at the place the name first had. */
    private static List<InsightDocument.Property> distinct(List<InsightDocument.Property> list) {
        return byName(list).entrySet().stream().map(p -> new InsightDocument.Property(p.getKey(), p.getValue()))
                .toList();
    }

    private static Map<String, String> byName(List<InsightDocument.Property> list) {
        Map<String, String> properties = new LinkedHashMap<>();
        list.forEach(p -> properties.put(p.name(), p.value()));
        return properties;
    }

    private static List<InsightDocument.Property> asDocument(List<InsightProperty> list) {
        return list.stream().map(p -> new InsightDocument.Property(p.getName(), p.getValue())).toList();
    }

    private static OffsetDateTime utc(OffsetDateTime time) {
        return time == null ? null : time.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
