package org.salesinsights.feeds.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.salesinsights.curation.control.InsightDocument;
import org.salesinsights.insights.entity.Insight;
import org.salesinsights.insights.entity.InsightProperty;

/** When a feed changes nothing (a retry), nothing is written: what counts as the same content. */
class FeedWorkTest {

    private static final OffsetDateTime TIME = OffsetDateTime.parse("2026-11-25T09:30:00Z");

    private static InsightDocument content(OffsetDateTime time, List<InsightDocument.Property> properties) {
        return new InsightDocument(null, "Quote sent", "Quote Q-1 went out.", "https://quotes.example.com/1", time,
                false, 0, "en", null, TIME.plusDays(30), properties);
    }

    private static Insight stored() {
        Insight insight = new Insight(null);
        insight.feed("Quote sent", "Quote Q-1 went out.", "https://quotes.example.com/1",
                TIME.withOffsetSameInstant(ZoneOffset.ofHours(1)), "en", null, TIME.plusDays(30),
                List.of(new InsightProperty("Amount", "120"), new InsightProperty("Stage", "Sent")), "app", TIME);
        return insight;
    }

    @Test
    void theSameContentIsTheSameWhateverOffsetTheDatabaseGaveItsTimes() {
        assertTrue(FeedWork.isAsFed(stored(), content(TIME, List.of(new InsightDocument.Property("Amount", "120"),
                new InsightDocument.Property("Stage", "Sent")))));
    }

    @Test
    void anyFieldOrThePropertiesOrderIsAChange() {
        List<InsightDocument.Property> properties = List.of(new InsightDocument.Property("Amount", "120"),
                new InsightDocument.Property("Stage", "Sent"));
        assertFalse(FeedWork.isAsFed(stored(), content(TIME.plusSeconds(1), properties)));
        assertFalse(FeedWork.isAsFed(stored(), content(null, properties)));
        assertFalse(FeedWork.isAsFed(stored(), content(TIME, List.of(properties.get(1), properties.get(0)))));
        assertFalse(FeedWork.isAsFed(stored(), content(TIME, List.of(properties.get(0)))));
    }

    @Test
    void aCuratorsPinIsNoPartOfTheContent() {
        Insight pinned = stored();
        pinned.change(pinned.getTitle(), pinned.getDescription(), pinned.getUrl(), pinned.getOccurredAt(), true, 9,
                pinned.getLanguage(), pinned.getVisibleFrom(), pinned.getVisibleUntil(), pinned.getProperties().stream()
                        .map(p -> new InsightProperty(p.getName(), p.getValue())).toList(), "curator", TIME);
        pinned.hide(true, "curator", TIME);
        assertTrue(FeedWork.isAsFed(pinned, content(TIME, List.of(new InsightDocument.Property("Amount", "120"),
                new InsightDocument.Property("Stage", "Sent")))));
        pinned.feed("Changed", "d", null, null, null, null, null, List.of(), "app", TIME);
        assertTrue(pinned.isPinned() && pinned.isHidden() && pinned.getPriority() == 9, "a feed keeps them");
    }
}
