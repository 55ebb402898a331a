package org.salesinsights.changes.boundary;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.salesinsights.changes.control.Change;
import org.salesinsights.changes.control.Changes;
import org.salesinsights.platform.errors.DatabaseFailures;

/**
 * Tells this node what every node changed: it polls the change log's generation row every
 * {@code insights.cache.poll-ms} (one tiny indexed read through the ordinary datasource: no driver API, no extra
 * server, the same on H2, PostgreSQL, Payara and WildFly) and, when it moved on, reads the changes since the last
 * generation seen and fires them to the caches. Changes older than the log keeps (10 minutes) that this node has
 * not seen, as after a long outage, count as a change of everything.
 *
 * <p>It also tells {@link DatabaseContact} when the database last answered, which the read cache needs: what it
 * holds is known current only while the polls succeed.
 */
@Startup
@Singleton
@DependsOn("SchemaMigrations")
@TransactionManagement(TransactionManagementType.BEAN)
public class ChangeFeed {

    private static final Logger LOG = Logger.getLogger(ChangeFeed.class.getName());
    /** How long the log keeps a change; a node that missed more sees a change of everything. */
    static final Duration KEPT = Duration.ofMinutes(10);
    private static final long PRUNE_EVERY_NANOS = Duration.ofMinutes(1).toNanos();

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource database;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Event<Changes> changes;

    @Inject
    DatabaseContact contact;

    @Inject
    @ConfigProperty(name = "insights.cache.poll-ms", defaultValue = "250")
    long pollMillis;

    /** The generation this node has seen; -1 before the first poll. */
    private volatile long seen = -1;
    private volatile boolean failing;
    private long prunedAtNanos;
    private ScheduledFuture<?> polling;

    @PostConstruct
    void start() {
        contact.pollEvery(pollMillis);
        polling = scheduler.scheduleWithFixedDelay(this::poll, 0, pollMillis, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (polling != null) {
            polling.cancel(false);
        }
    }

    void poll() {
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            long generation;
            try (ResultSet row = sql.executeQuery("SELECT generation FROM change_counter WHERE id = 1")) {
                row.next();
                generation = row.getLong(1);
            }
            long before = seen;
            if (before < 0) {
                // the first poll: nothing is cached yet, but a cache filled while the database was away is not known
                // current; start from here
                seen = generation;
                contact.startsAfter(generation); // the seeds' changes, made before the first poll
                changes.fire(new Changes(generation, List.of(Change.all())));
            } else if (generation > before) {
                List<Change> found = since(connection, before, generation);
                if (!found.isEmpty()) {
                    changes.fire(new Changes(generation, found));
                }
                seen = generation;
            }
            contact.answered();
            if (failing) {
                failing = false;
                LOG.info("The change log answers again; this node's caches follow every change again.");
            }
            prune(sql);
        } catch (SQLException | RuntimeException e) {
            if (!failing) {
                failing = true;
                LOG.warning(() -> "The change log cannot be read (" + DatabaseFailures.rootCause(e) + "); cached"
                        + " answers are served as stale for a while, then the service answers 503.");
            }
        }
    }

    /** The changes after {@code before}, up to {@code generation}, but those this node made and applied itself. */
    private List<Change> since(Connection connection, long before, long generation) throws SQLException {
        List<Change> found = new ArrayList<>();
        long first = Long.MAX_VALUE;
        try (PreparedStatement query = connection.prepareStatement("SELECT generation, scope, tenant_id, crm_type,"
                + " record_type, record_id FROM change_log WHERE generation > ? AND generation <= ?"
                + " ORDER BY generation, item")) {
            query.setLong(1, before);
            query.setLong(2, generation);
            try (ResultSet rows = query.executeQuery()) {
                long skipped = -1;
                while (rows.next()) {
                    long of = rows.getLong(1);
                    first = Math.min(first, of);
                    if (of == skipped || contact.appliedHere(of)) { // all of a generation made here
                        skipped = of;
                        continue;
                    }
                    found.add(new Change(Change.Scope.valueOf(rows.getString(2)), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getString(6)));
                }
            }
        }
        if (first != before + 1) { // pruned before this node read it: what changed is not known
            return List.of(Change.all());
        }
        return found;
    }

    private void prune(Statement sql) throws SQLException {
        long now = System.nanoTime();
        if (now - prunedAtNanos > PRUNE_EVERY_NANOS) {
            prunedAtNanos = now;
            sql.executeUpdate("DELETE FROM change_log WHERE changed_at < CURRENT_TIMESTAMP - INTERVAL '"
                    + KEPT.toMinutes() + "' MINUTE");
        }
    }
}
