package org.salesinsights.changes.boundary;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.salesinsights.changes.control.Changes;

/**
 * When the change log last answered this node's poll ({@link ChangeFeed} writes it, the read cache reads it on every
 * hit): a plain bean with a volatile field, so that a read costs no container call and no lock.
 */
@ApplicationScoped
public class DatabaseContact {

    /** Longer than any time the caches compare with: the database never answered. */
    private static final Duration NEVER = Duration.ofDays(365);

    /** Generations this node made and applied when they committed, which its poll then need not apply again. */
    private final Set<Long> appliedHere = ConcurrentHashMap.newKeySet();

    /** When a poll last succeeded (System.nanoTime()); 0 before. */
    private volatile long answeredAtNanos;
    private volatile long currentWithinNanos = Duration.ofSeconds(1).toNanos();

    /** This node's own changes, once committed (the caches dropped what they touch at the same moment). */
    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Changes changes) {
        if (changes.local()) {
            appliedHere.add(changes.generation());
        }
    }

    /** Whether this node applied the generation when it committed it (answered once: the poll passes it then). */
    boolean appliedHere(long generation) {
        return appliedHere.remove(generation);
    }

    /** The first poll starts after these: none of them will come up again. */
    void startsAfter(long generation) {
        appliedHere.removeIf(made -> made <= generation);
    }

    void answered() {
        answeredAtNanos = System.nanoTime();
    }

    void pollEvery(long millis) {
        currentWithinNanos = Duration.ofMillis(Math.min(1000, Math.max(4 * millis, 500))).toNanos();
    }

    /**
     * How long ago the database last answered this node's poll: while it is under {@link #currentWithin()}, every
     * change made before that moment has reached this node's caches.
     */
    public Duration sinceDatabaseAnswered() {
        long at = answeredAtNanos;
        return at == 0 ? NEVER : Duration.ofNanos(System.nanoTime() - at);
    }

    /** The most a poll may lag: what a node has is current if the database answered within this. */
    public Duration currentWithin() {
        return Duration.ofNanos(currentWithinNanos);
    }
}
