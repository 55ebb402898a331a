package org.salesinsights.changes.boundary;

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
import jakarta.persistence.Query;

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
        // no flush before these two: each would compare every entity of the transaction again (a feed's thousands)
        long generation = ((Number) em.createNativeQuery("SELECT generation FROM change_counter WHERE id = 1")
                .setFlushMode(FlushModeType.COMMIT).getSingleResult()).longValue();
        StringBuilder rows = new StringBuilder("INSERT INTO change_log (generation, item, scope, tenant_id, crm_type,"
                + " record_type, record_id, changed_at) VALUES ");
        for (int item = 0; item < distinct.size(); item++) {
            int p = item * 7;
            rows.append(item == 0 ? "" : ", ").append("(?").append(p + 1).append(", ?").append(p + 2).append(", ?")
                    .append(p + 3).append(", ?").append(p + 4).append(", ?").append(p + 5).append(", ?").append(p + 6)
                    .append(", ?").append(p + 7).append(", CURRENT_TIMESTAMP)");
        }
        Query insert = em.createNativeQuery(rows.toString()).setFlushMode(FlushModeType.COMMIT);
        for (int item = 0; item < distinct.size(); item++) { // one statement for all of them
            Change change = distinct.get(item);
            int p = item * 7;
            insert.setParameter(p + 1, generation).setParameter(p + 2, item).setParameter(p + 3, change.scope().name())
                    .setParameter(p + 4, change.tenantId()).setParameter(p + 5, change.crmType())
                    .setParameter(p + 6, change.recordType()).setParameter(p + 7, change.recordId());
        }
        insert.executeUpdate();
        committed.fire(new Changes(generation, distinct, true));
    }
}
