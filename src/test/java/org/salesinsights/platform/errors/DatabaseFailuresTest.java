package org.salesinsights.platform.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.QueryTimeoutException;
import jakarta.resource.ResourceException;

import org.junit.jupiter.api.Test;

class DatabaseFailuresTest {

    @Test
    void connectionFailuresDeepInTheChainAreUnavailability() {
        SQLException refused = new SQLException("Connection to 127.0.0.1:5432 refused.", "08001");
        assertTrue(DatabaseFailures.isUnavailable(new EJBException(new PersistenceException(refused))));
        assertTrue(DatabaseFailures.isUnavailable(new PersistenceException(new SQLTransientConnectionException("gone"))));
        assertTrue(DatabaseFailures.isUnavailable(new SQLException("An I/O error occurred", "08006")));
        assertTrue(DatabaseFailures.isUnavailable(new SQLException("terminating connection due to administrator command", "57P01")));
        assertTrue(DatabaseFailures.isUnavailable(new SQLException("too many connections", "53300")));
    }

    @Test
    void aPoolThatCannotAllocateAndTimeoutsAreUnavailability() {
        SQLException pool = new SQLException("Error in allocating a connection.");
        pool.initCause(new ResourceException("No available resources and wait time 1000 ms expired."));
        assertTrue(DatabaseFailures.isUnavailable(new PersistenceException(pool)));
        assertTrue(DatabaseFailures.isUnavailable(new QueryTimeoutException("slow")));
        SQLException chained = new SQLException("batch failed", "XX000");
        chained.setNextException(new SQLException("connection lost", "08003"));
        assertTrue(DatabaseFailures.isUnavailable(chained));
    }

    @Test
    void defectsAreNot() {
        assertFalse(DatabaseFailures.isUnavailable(new IllegalStateException("bug")));
        assertFalse(DatabaseFailures.isUnavailable(new PersistenceException(new SQLException("syntax error", "42601"))));
        assertFalse(DatabaseFailures.isUnavailable(new SQLException("no state")));
    }

    @Test
    void aCyclicCauseChainEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertFalse(DatabaseFailures.isUnavailable(a));
        assertTrue(DatabaseFailures.rootCause(a).startsWith("java.lang.RuntimeException: "), "the log line ends");
    }

    @Test
    void theRootCauseIsTheInnermost() {
        SQLException refused = new SQLException("Connection refused", "08001");
        assertEquals("java.sql.SQLException: Connection refused",
                DatabaseFailures.rootCause(new EJBException(new PersistenceException(refused))));
    }

    @Test
    void concurrentEditsAreToldFromOtherFailures() {
        assertTrue(DatabaseFailures.isConflict(new EJBException(new jakarta.persistence.OptimisticLockException())));
        assertTrue(DatabaseFailures.isConflict(new PersistenceException(
                new SQLException("duplicate key value violates unique constraint", "23505"))));
        assertTrue(DatabaseFailures.isConflict(new PersistenceException(
                new SQLException("deadlock detected", "40P01"))), "the database ended it for another to go on");
        assertTrue(DatabaseFailures.isConflict(new PersistenceException(
                new SQLException("could not serialize access", "40001"))));
        assertFalse(DatabaseFailures.isConflict(new PersistenceException(new SQLException("syntax", "42601"))));
        assertFalse(DatabaseFailures.isConflict(new IllegalStateException("sequence set up wrongly")));
    }

    @Test
    void aLockNotHadInTimeIsRetriedThenBusy() {
        PersistenceException waited = new PersistenceException(
                new SQLException("canceling statement due to lock timeout", "55P03"));
        assertTrue(DatabaseFailures.isConflict(waited), "retried by the feed as a conflict");
        assertTrue(DatabaseFailures.isUnavailable(waited), "at last a 503 with Retry-After, not a 409");
    }
}
