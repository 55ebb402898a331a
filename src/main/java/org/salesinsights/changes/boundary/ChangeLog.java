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
import jakarta.persistence.PersistenceContext;

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
        // the row lock taken here is held until commit: writers queue, so generations commit in their order
        em.createNativeQuery("UPDATE change_counter SET generation = generation + 1 WHERE id = 1").executeUpdate();
        long generation = ((Number) em.createNativeQuery("SELECT generation FROM change_counter WHERE id = 1")
                .getSingleResult()).longValue();
        int item = 0;
        for (Change change : distinct) {
            em.createNativeQuery("INSERT INTO change_log (generation, item, scope, tenant_id, crm_type, record_type,"
                    + " record_id, changed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, CURRENT_TIMESTAMP)")
                    .setParameter(1, generation).setParameter(2, item++).setParameter(3, change.scope().name())
                    .setParameter(4, change.tenantId()).setParameter(5, change.crmType())
                    .setParameter(6, change.recordType()).setParameter(7, change.recordId())
                    .executeUpdate();
        }
        committed.fire(new Changes(generation, distinct, true));
    }
}
