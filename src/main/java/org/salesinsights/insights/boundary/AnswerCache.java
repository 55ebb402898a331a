package org.salesinsights.insights.boundary;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.stats.CacheStats;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.salesinsights.changes.boundary.DatabaseContact;
import org.salesinsights.changes.control.Change;
import org.salesinsights.changes.control.Changes;
import org.salesinsights.insights.control.AnswerKey;
import org.salesinsights.platform.CacheFigures;

/**
 * The read actions' answers, ready to send, per {@link AnswerKey}: bounded ({@code insights.cache.max-answers}), each
 * kept at most until the next moment one of its record's insights enters or leaves its validity window, and never
 * served once a change that can alter it is known: a change made on this node drops what it touches when its
 * transaction commits, a change made on another node when this node's poll of the change log finds it (within
 * {@code insights.cache.poll-ms}, 250 ms by default).
 *
 * <p>An answer is known current while the change log answers this node's polls. When the database stops answering,
 * cached answers are served for at most {@code insights.cache.stale-if-error-seconds} (60 by default), marked with
 * the {@value #STALE_HEADER} header (seconds since the database last answered); after that, and for every answer not
 * cached, the service answers 503 as without a cache.
 *
 * <p>A reader that loaded an answer from the database stores it only if no change arrived while it read: otherwise
 * what it read may predate the change, and the next reader loads again.
 */
@ApplicationScoped
public class AnswerCache {

    /** The header of an answer served from the cache while the database does not answer: its age in seconds. */
    public static final String STALE_HEADER = "X-Insights-Stale-Seconds";
    private static final Logger LOG = Logger.getLogger(AnswerCache.class.getName());

    @Inject
    DatabaseContact feed;

    @Inject
    @ConfigProperty(name = "insights.cache.max-answers", defaultValue = "100000")
    long maxAnswers;

    @Inject
    @ConfigProperty(name = "insights.cache.max-age-seconds", defaultValue = "3600")
    long maxAgeSeconds;

    @Inject
    @ConfigProperty(name = "insights.cache.stale-if-error-seconds", defaultValue = "60")
    long staleIfErrorSeconds;

    private Cache<AnswerKey, Answer> answers;
    /** Counts the changes this cache has applied; a load stores its answer only if none came while it read. */
    private volatile long epoch;
    private final ReadWriteLock changing = new ReentrantReadWriteLock();
    private volatile boolean servingStale;

    /**
     * An answer as sent: the JSON body, the languages it is in, and until when it holds if nothing changes.
     *
     * @param until the next validity boundary of the record's insights; null when none is ahead
     */
    public record Answer(byte[] body, List<String> languages, Instant until) {

        public Answer {
            languages = List.copyOf(languages);
        }
    }

    /** A cached answer and, when the database does not answer, how stale it may be. */
    public record Hit(Answer answer, Optional<Duration> stale) {
    }

    @PostConstruct
    void create() {
        long maxAgeNanos = Duration.ofSeconds(maxAgeSeconds).toNanos();
        answers = Caffeine.newBuilder()
                .maximumSize(maxAnswers)
                // upkeep on the calling thread: no work on threads the server does not manage
                .executor(Runnable::run)
                .expireAfter(new Expiry<AnswerKey, Answer>() {
                    @Override
                    public long expireAfterCreate(AnswerKey key, Answer answer, long now) {
                        if (answer.until() == null) {
                            return maxAgeNanos;
                        }
                        long untilBoundary = Duration.between(Instant.now(), answer.until()).toNanos();
                        return Math.max(0, Math.min(maxAgeNanos, untilBoundary));
                    }

                    @Override
                    public long expireAfterUpdate(AnswerKey key, Answer answer, long now, long remaining) {
                        return expireAfterCreate(key, answer, now);
                    }

                    @Override
                    public long expireAfterRead(AnswerKey key, Answer answer, long now, long remaining) {
                        return remaining;
                    }
                })
                .recordStats()
                .build();
    }

    /** The cached answer, if there is one that may be served now. */
    public Optional<Hit> find(AnswerKey key) {
        Answer answer = answers.getIfPresent(key);
        if (answer == null) {
            return Optional.empty();
        }
        Duration since = feed.sinceDatabaseAnswered();
        if (since.compareTo(feed.currentWithin()) <= 0) {
            if (servingStale) {
                servingStale = false;
            }
            return Optional.of(new Hit(answer, Optional.empty()));
        }
        if (since.getSeconds() < staleIfErrorSeconds) {
            if (!servingStale) {
                servingStale = true;
                LOG.warning(() -> "The database does not answer: cached answers are served marked stale (" + STALE_HEADER
                        + ") for up to " + staleIfErrorSeconds + " s, then the service answers 503.");
            }
            return Optional.of(new Hit(answer, Optional.of(since)));
        }
        return Optional.empty();
    }

    /** Taken before a load from the database: the answer loaded is stored only with the ticket still valid. */
    public long ticket() {
        return epoch;
    }

    public void store(AnswerKey key, Answer answer, long ticket) {
        changing.readLock().lock();
        try {
            if (epoch == ticket) {
                answers.put(key, answer);
            }
        } finally {
            changing.readLock().unlock();
        }
    }

    // A record as a change names it, (CRM type, record type, record id): an answer is about it whichever
    // organization URL its caller named.

    /** Drops what the changes touch: on this node when they commit, on the others when their poll finds them. */
    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Changes changes) {
        changing.writeLock().lock();
        try {
            epoch++;
            if (changes.touchesAll()) {
                answers.invalidateAll();
                return;
            }
            // one pass over the cache for all of them, under the lock that holds reads back: a pass per change made
            // a feed of a hundred records scan a full cache a hundred times while every read waited
            Set<String> tenants = new HashSet<>();
            Set<List<String>> records = new HashSet<>();
            for (Change change : changes.changes()) {
                if (change.scope() == Change.Scope.TENANT) {
                    tenants.add(change.tenantId());
                } else {
                    records.add(List.of(change.crmType(), change.recordType(), change.recordId()));
                }
            }
            // an answer about several records (the email summary's) goes when any of them changed
            answers.asMap().keySet().removeIf(key -> tenants.contains(key.tenantId())
                    || key.isAboutAny(records));
        } finally {
            changing.writeLock().unlock();
        }
    }

    /** Hits, misses and size, for operators. */
    public CacheFigures figures() {
        CacheStats stats = answers.stats();
        return new CacheFigures(answers.estimatedSize(), maxAnswers, stats.hitCount(), stats.missCount(),
                stats.hitRate(), stats.evictionCount());
    }
}
