package org.salesinsights.insights.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesinsights.changes.boundary.DatabaseContact;
import org.salesinsights.changes.control.Change;
import org.salesinsights.changes.control.Changes;
import org.salesinsights.insights.control.AnswerKey;
import org.salesinsights.insights.control.CrmRecordKey;
import org.salesinsights.insights.control.EmailInsightsQuery;
import org.salesinsights.insights.control.LanguagePicker;
import org.salesinsights.insights.control.PageRequest;
import org.salesinsights.insights.entity.CrmType;

/** The answer cache drops exactly what a change touches, never stores what a change overtook, and ages stale. */
class AnswerCacheTest {

    private static final String CONTOSO = "c07050c0-0000-4000-a000-000000000001";
    private static final String FABRIKAM = "fab00000-0000-4000-a000-000000000002";
    private static final AnswerKey OPPORTUNITY = key(CONTOSO, "opportunity", "r-1", 5);
    private static final AnswerKey ITS_SECOND_PAGE = key(CONTOSO, "opportunity", "r-1", 10);
    private static final AnswerKey ACCOUNT = key(CONTOSO, "account", "a-1", 5);
    private static final AnswerKey THEIRS = key(FABRIKAM, "opportunity", "r-9", 5);

    private final Feed feed = new Feed();
    private final AnswerCache cache = new AnswerCache();

    @BeforeEach
    void create() {
        cache.feed = feed;
        cache.maxAnswers = 100;
        cache.maxAgeSeconds = 3600;
        cache.staleIfErrorSeconds = 60;
        cache.create();
        for (AnswerKey key : List.of(OPPORTUNITY, ITS_SECOND_PAGE, ACCOUNT, THEIRS)) {
            cache.store(key, answer(null), cache.ticket());
        }
    }

    @Test
    void aChangeOfARecordDropsEveryAnswerAboutItAndNothingElse() {
        cache.changed(new Changes(7, List.of(Change.record("DYNAMICS_365", "opportunity", "r-1"))));
        assertEquals(Optional.empty(), cache.find(OPPORTUNITY));
        assertEquals(Optional.empty(), cache.find(ITS_SECOND_PAGE));
        assertTrue(cache.find(ACCOUNT).isPresent());
        assertTrue(cache.find(THEIRS).isPresent());
    }

    @Test
    void anEmailAnswerAboutSeveralRecordsGoesWhenAnyOfThemChanges() {
        EmailInsightsQuery thread = new EmailInsightsQuery(List.of(
                new CrmRecordKey(CrmType.DYNAMICS_365, Optional.empty(), "opportunity", "r-7"),
                new CrmRecordKey(CrmType.DYNAMICS_365, Optional.empty(), "account", "a-7")), new PageRequest(5, 0));
        AnswerKey email = AnswerKey.ofEmail(CONTOSO, thread, LanguagePicker.of(null));
        AnswerKey keySales = key(CONTOSO, "opportunity", "r-7", 5);
        cache.store(email, answer(null), cache.ticket());
        cache.store(keySales, answer(null), cache.ticket());
        assertTrue(cache.find(email).isPresent());
        cache.changed(new Changes(7, List.of(Change.record("DYNAMICS_365", "account", "a-7"))));
        assertEquals(Optional.empty(), cache.find(email), "its second record changed");
        assertTrue(cache.find(keySales).isPresent(), "the first record's own answer is not about the account");
        cache.store(email, answer(null), cache.ticket());
        cache.changed(new Changes(8, List.of(Change.record("DYNAMICS_365", "opportunity", "r-7"))));
        assertEquals(Optional.empty(), cache.find(email), "its first record changed");
        assertEquals(Optional.empty(), cache.find(keySales));
    }

    @Test
    void manyChangesAtOnceDropWhatEachTouches() {
        cache.changed(new Changes(7, List.of(Change.record("DYNAMICS_365", "account", "a-1"),
                Change.record("DYNAMICS_365", "opportunity", "r-2"), Change.tenant(FABRIKAM))));
        assertEquals(Optional.empty(), cache.find(ACCOUNT));
        assertEquals(Optional.empty(), cache.find(THEIRS));
        assertTrue(cache.find(OPPORTUNITY).isPresent());
        assertTrue(cache.find(ITS_SECOND_PAGE).isPresent());
    }

    @Test
    void aChangeOfATenantDropsItsAnswersAndAFlushDropsAll() {
        cache.changed(new Changes(7, List.of(Change.tenant(CONTOSO))));
        assertEquals(Optional.empty(), cache.find(ACCOUNT));
        assertTrue(cache.find(THEIRS).isPresent());
        cache.changed(new Changes(8, List.of(Change.all())));
        assertEquals(Optional.empty(), cache.find(THEIRS));
    }

    @Test
    void anAnswerLoadedWhileAChangeArrivedIsNotStored() {
        cache.changed(new Changes(7, List.of(Change.record("DYNAMICS_365", "opportunity", "r-1"))));
        long ticket = cache.ticket();
        // the load reads the database here; meanwhile another record changes
        cache.changed(new Changes(8, List.of(Change.record("DYNAMICS_365", "lead", "l-1"))));
        cache.store(OPPORTUNITY, answer(null), ticket);
        assertEquals(Optional.empty(), cache.find(OPPORTUNITY), "it may predate the change");
        cache.store(OPPORTUNITY, answer(null), cache.ticket());
        assertTrue(cache.find(OPPORTUNITY).isPresent());
    }

    @Test
    void anAnswerLivesUntilTheNextValidityBoundaryOfItsRecord() throws InterruptedException {
        cache.store(OPPORTUNITY, answer(Instant.now().plusMillis(300)), cache.ticket());
        assertTrue(cache.find(OPPORTUNITY).isPresent());
        Thread.sleep(400);
        assertEquals(Optional.empty(), cache.find(OPPORTUNITY));
        cache.store(OPPORTUNITY, answer(Instant.now().minusSeconds(1)), cache.ticket());
        assertEquals(Optional.empty(), cache.find(OPPORTUNITY), "a boundary already passed");
    }

    @Test
    void whileTheDatabaseDoesNotAnswerCachedAnswersAreStaleThenGone() {
        feed.since = Duration.ofSeconds(5);
        AnswerCache.Hit stale = cache.find(OPPORTUNITY).orElseThrow();
        assertEquals(Optional.of(Duration.ofSeconds(5)), stale.stale());
        feed.since = Duration.ofSeconds(60);
        assertEquals(Optional.empty(), cache.find(OPPORTUNITY));
        feed.since = Duration.ofMillis(100);
        assertEquals(Optional.empty(), cache.find(OPPORTUNITY).orElseThrow().stale(), "current again");
    }

    private static AnswerKey key(String tenant, String recordType, String recordId, int top) {
        return new AnswerKey(tenant, null, CrmType.DYNAMICS_365, null, recordType, recordId, "", top, 0);
    }

    private static AnswerCache.Answer answer(Instant until) {
        return new AnswerCache.Answer("{\"value\":[],\"hasMoreResults\":false}".getBytes(), List.of(), until);
    }

    /** The change log's poll, as far as the cache asks: how long ago the database answered. */
    private static final class Feed extends DatabaseContact {
        Duration since = Duration.ofMillis(100);

        @Override
        public Duration sinceDatabaseAnswered() {
            return since;
        }

        @Override
        public Duration currentWithin() {
            return Duration.ofSeconds(1);
        }
    }
}
