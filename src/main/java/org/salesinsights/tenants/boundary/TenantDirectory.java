package org.salesinsights.tenants.boundary;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.salesinsights.changes.control.Changes;
import org.salesinsights.signin.control.TenantRegistry;

/**
 * The ids of the registered tenants, kept in memory so that signing a caller in never waits for the database: the
 * set is read once, then read again whenever the change log reports a change of a tenant (this server's at once,
 * another server's within the poll interval of {@code ChangeFeed}, so a removed tenant is cut off on every node
 * within a second), and in the background when older than {@code insights.signin.tenant-refresh-seconds}. While the
 * database is away the last known set serves.
 */
@ApplicationScoped
public class TenantDirectory implements TenantRegistry {

    private static final Logger LOG = Logger.getLogger(TenantDirectory.class.getName());

    @Inject
    Tenants tenants;

    @Resource
    ManagedExecutorService executor;

    @Inject
    @ConfigProperty(name = "insights.signin.tenant-refresh-seconds", defaultValue = "30")
    long refreshSeconds;

    private record Snapshot(Set<String> ids, long readAtNanos) {
    }

    private volatile Snapshot snapshot;
    private final AtomicBoolean refreshing = new AtomicBoolean();
    /** Counts this server's own edits, so that a refresh read before one of them never undoes it. */
    private long edits;

    @Override
    public boolean isRegistered(String tenantId) {
        Snapshot current = snapshot;
        if (current == null) {
            current = load(); // the first caller waits; a failure here answers 503
        } else if (System.nanoTime() - current.readAtNanos() > Duration.ofSeconds(refreshSeconds).toNanos()
                && refreshing.compareAndSet(false, true)) {
            try {
                executor.execute(this::refreshQuietly);
            } catch (RuntimeException e) { // rejected, for example while the server stops: the next call retries
                refreshing.set(false);
                LOG.warning(() -> "Tenant registry refresh not started: " + e);
            }
        }
        return current.ids().contains(tenantId);
    }

    /** A tenant changed (here or on another node): the set is read again now, on the executor. */
    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Changes changes) {
        if (!changes.touchesTenants()) {
            return;
        }
        synchronized (this) {
            edits++; // a refresh already under way may have read the set before the change
        }
        refreshing.set(true);
        try {
            executor.execute(this::refreshQuietly);
        } catch (RuntimeException e) {
            refreshing.set(false);
            LOG.warning(() -> "Tenant registry refresh not started: " + e);
        }
    }

    /** After this server registered a tenant: known at once. */
    public void registered(String tenantId) {
        update(tenantId, true);
    }

    /** After this server removed a tenant: refused at once. */
    public void removed(String tenantId) {
        update(tenantId, false);
    }

    private synchronized void update(String tenantId, boolean present) {
        edits++;
        Snapshot current = snapshot;
        if (current != null) {
            Set<String> ids = new HashSet<>(current.ids());
            if (present) {
                ids.add(tenantId);
            } else {
                ids.remove(tenantId);
            }
            snapshot = new Snapshot(Set.copyOf(ids), current.readAtNanos());
        }
    }

    private synchronized Snapshot load() {
        if (snapshot == null) {
            snapshot = new Snapshot(Set.copyOf(tenants.registeredIds()), System.nanoTime());
        }
        return snapshot;
    }

    private void refreshQuietly() {
        try {
            long editsBefore;
            synchronized (this) {
                editsBefore = edits;
            }
            Set<String> ids = Set.copyOf(tenants.registeredIds());
            synchronized (this) {
                if (editsBefore == edits) { // else the set may predate an edit: the next call reads again
                    snapshot = new Snapshot(ids, System.nanoTime());
                }
            }
        } catch (RuntimeException e) {
            LOG.warning(() -> "Tenant registry not refreshed, the last known one serves: " + e);
        } finally {
            refreshing.set(false);
        }
    }
}
