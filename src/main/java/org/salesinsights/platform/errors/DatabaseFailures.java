package org.salesinsights.platform.errors;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Tells a database that cannot be reached (or does not answer in time) from other failures, so that the caller
 * gets a retryable 503 for the former and a 500 only for real defects.
 */
public final class DatabaseFailures {

    private static final Set<String> CONFLICT_STATES = Set.of("23505", "40001", "40P01", "55P03");

    private DatabaseFailures() {
    }

    /** True when somewhere in the cause chain the database was unreachable, overloaded or too slow. */
    public static boolean isUnavailable(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof SQLNonTransientConnectionException || t instanceof SQLTimeoutException
                    || t instanceof jakarta.persistence.QueryTimeoutException
                    || t instanceof jakarta.resource.ResourceException) {
                return true;
            }
            if (t instanceof SQLException sql && unavailableState(sql.getSQLState())) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getNextException() != null && isUnavailable(sql.getNextException())) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the failure is a concurrent edit: an optimistic lock conflict, a unique or primary key that
     * another transaction took first (SQLSTATE 23505, or the driver's integrity violation), or a transaction the
     * database chose to end so that another could go on (40001 serialization failure, 40P01 deadlock), or that waited
     * for a lock longer than it allows (55P03).
     */
    public static boolean isConflict(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof jakarta.persistence.OptimisticLockException
                    || t instanceof java.sql.SQLIntegrityConstraintViolationException
                    || t instanceof jakarta.persistence.PessimisticLockException
                    || t instanceof SQLException sql && CONFLICT_STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** The innermost cause, as "class: message", for a one-line log; safe on cyclic cause chains. */
    public static String rootCause(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Throwable root = failure;
        while (root.getCause() != null && seen.add(root)) {
            root = root.getCause();
        }
        return root.getClass().getName() + ": " + root.getMessage();
    }

    /**
     * SQLSTATE classes of an unreachable or refusing database: 08 connection exception, 53 insufficient
     * resources, 57P operator intervention (PostgreSQL shutting down), 55P03 a lock not had within the wait a
     * transaction allows (busy, a conflict to retry first), HYT00/HYT01 timeouts.
     */
    private static boolean unavailableState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P")
                || state.equals("55P03") || state.equals("HYT00") || state.equals("HYT01"));
    }
}
