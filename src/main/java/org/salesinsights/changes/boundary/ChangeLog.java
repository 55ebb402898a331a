package org.salesinsights.changes.boundary;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import org.salesinsights.changes.control.Change;
import org.salesinsights.changes.control.Changes;

/**
 * Writes what a transaction changed into the change log (V4), in that transaction: the generation row moves on and
 * the changes are recorded under the new generation, so every node's poll ({@link ChangeFeed}) finds them once they
 * commit, in commit order. The node that made them hears of them at once, when the transaction commits (an event
 * for observers {@code during = AFTER_SUCCESS}); a transaction that rolls back leaves neither record nor event.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class ChangeLog {

    /** More records than this in one transaction are recorded as one change of everything: cheaper for every node. */
    static final int MAX_RECORDS = 200;

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<Changes> committed;

    /**
     * Every node drops every cached answer and reads the tenant registry again: for an operator who changed the
     * database with SQL (the service cannot know what that touched). Its own transaction.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void flush() {
        record(Change.all());
    }

    public void record(Change change) {
        record(List.of(change));
    }

    public void record(Collection<Change> changes) {
        List<Change> distinct = new ArrayList<>(new LinkedHashSet<>(changes));
        if (distinct.isEmpty()) {
            return;
        }
        if (distinct.size() > MAX_RECORDS || distinct.stream().anyMatch(c -> c.scope() == Change.Scope.ALL)) {
            distinct = List.of(Change.all());
        }
        // the row lock taken here is held until commit: writers queue, so generations commit in their order. This
        // statement flushes the transaction's entities first (once), so the lock waits for no more of them.
        em.createNativeQuery("UPDATE change_counter SET generation = generation + 1 WHERE id = 1").executeUpdate();
        long generation = ((Number) em.createNativeQuery("SELECT generation FROM change_counter WHERE id = 1")
                .setFlushMode(FlushModeType.COMMIT).getSingleResult()).longValue();
        insert(generation, distinct);
        committed.fire(new Changes(generation, distinct, true));
    }

    /**
     * The changes' rows, in a JDBC batch on the transaction's connection (one multi-row INSERT with PostgreSQL's
     * reWriteBatchedInserts). Not a native query: EclipseLink files each of its parameters by a linear search, so a
     * feed's hundreds of records, seven parameters each, cost it more than writing the feed's insights; nor a flush:
     * each would compare every entity of the transaction again (a feed's thousands).
     */
    private void insert(long generation, List<Change> changes) {
        try (PreparedStatement row = em.unwrap(Connection.class).prepareStatement("INSERT INTO change_log (generation,"
                + " item, scope, tenant_id, crm_type, record_type, record_id, changed_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)")) {
            for (int item = 0; item < changes.size(); item++) {
                Change change = changes.get(item);
                row.setLong(1, generation);
                row.setInt(2, item);
                row.setString(3, change.scope().name());
                row.setString(4, change.tenantId());
                row.setString(5, change.crmType());
                row.setString(6, change.recordType());
                row.setString(7, change.recordId());
                row.addBatch();
            }
            row.executeBatch();
        } catch (SQLException e) {
            throw new PersistenceException("Recording " + changes.size() + " changes failed", e);
        }
    }
}
