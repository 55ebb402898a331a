package org.salesinsights.health;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * One round trip to the insights database through the persistence unit, as the action reads it. An EJB, so that
 * the health endpoint's thread (WildFly calls checks outside any request of the application) gets the
 * application's naming context.
 */
@Stateless
public class DatabasePing {

    static final int TIMEOUT_MILLIS = 1_000;

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource insights;

    @Resource(lookup = DatabaseReadiness.EXECUTOR)
    ManagedExecutorService executor;

    @Resource
    SessionContext context;

    /** Which database the default datasource reaches, for the start-up log: product, version, URL without query. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public String describe() throws SQLException {
        try (Connection connection = insights.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            String url = meta.getURL() == null ? "?" : meta.getURL().replaceFirst("[?;].*$", "");
            return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion() + " at " + url;
        }
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void ping() {
        em.createNativeQuery("SELECT 1")
                .setHint("jakarta.persistence.query.timeout", TIMEOUT_MILLIS)
                .getSingleResult();
    }

    /**
     * {@link #ping()} on a worker, so that the caller can stop waiting: on a dead network getting a connection alone
     * takes the pool's wait, the driver's connect and login timeouts and a validation, several seconds in all, and
     * the query timeout bounds none of it. Submitted from inside this EJB, the task carries the application's
     * context whatever thread asked.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Future<?> pingInBackground() {
        DatabasePing self = context.getBusinessObject(DatabasePing.class);
        return executor.submit(self::ping);
    }
}
