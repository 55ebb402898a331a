package org.salesinsights.seeding.boundary;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.salesinsights.seeding.control.SqlScript;

/**
 * Runs the seed scripts the configuration names ({@code insights.seed.scripts}) on every start, after the schema
 * is made and before the first request: in one transaction, so a failing statement leaves the data as it was and
 * stops the deployment with the script and line to fix. Scripts must be idempotent (insert a row only where it is
 * absent), as the template in {@code server-config/seed/} shows.
 *
 * <p>Not the JPA {@code sql-load-script-source}: its location is fixed in persistence.xml, which neither server lets
 * configuration change in the same way (Payara's and WildFly's descriptor variables differ, and WildFly's are off by
 * default), and a failing load script is only logged there.
 */
@Startup
@Singleton
public class SeedScripts {

    private static final Logger LOG = Logger.getLogger(SeedScripts.class.getName());
    /** The advisory lock's number: "seed" in ASCII. */
    private static final long SEEDING_LOCK = 0x73656564L;

    /** Its injection makes the persistence unit, and so the schema, start first. */
    @PersistenceContext
    EntityManager em;

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource database;

    @Inject
    @ConfigProperty(name = "insights.seed.scripts")
    Optional<String> locations;

    @PostConstruct
    void seed() {
        List<SqlScript> scripts = SqlScript.load(locations.orElse(""), SeedScripts.class.getClassLoader());
        if (scripts.isEmpty()) {
            return;
        }
        em.getMetamodel();
        try (Connection connection = database.getConnection()) {
            lock(connection);
            for (SqlScript script : scripts) {
                long started = System.nanoTime();
                run(connection, script);
                LOG.info(() -> "Seeded from " + script.name() + ": " + script.statements().size() + " statements in "
                        + (System.nanoTime() - started) / 1_000_000 + " ms");
            }
        } catch (SQLException e) {
            // the database is down: the service starts anyway and answers 503 until it is back; seeding waits for
            // the next start
            LOG.warning(() -> "Seeding skipped, the database cannot be reached: " + e);
        }
    }

    /**
     * Servers starting together on one PostgreSQL database seed one after the other, so that the second finds the
     * rows of the first instead of inserting them again (the lock ends with the transaction). An embedded H2
     * database has one server only.
     */
    private static void lock(Connection connection) throws SQLException {
        if ("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
            try (java.sql.Statement sql = connection.createStatement()) {
                sql.execute("SELECT pg_advisory_xact_lock(" + SEEDING_LOCK + ")");
            }
        }
    }

    private static void run(Connection connection, SqlScript script) {
        for (SqlScript.Statement statement : script.statements()) {
            try (java.sql.Statement sql = connection.createStatement()) {
                sql.execute(statement.sql());
            } catch (SQLException e) {
                throw new IllegalStateException("Seed script " + script.name() + " failed at line "
                        + statement.line() + " (" + e.getMessage() + "); nothing was seeded. Fix the line, or"
                        + " remove the script from insights.seed.scripts.", e);
            }
        }
    }
}
