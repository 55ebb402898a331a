package org.salesinsights.seeding.boundary;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.salesinsights.platform.DatabaseFailures;
import org.salesinsights.seeding.control.SeedLedger;
import org.salesinsights.seeding.control.SqlScript;

/**
 * Runs the seed scripts the configuration names ({@code insights.seed.scripts}) after the schema is migrated and
 * before the first request, each once per database ({@link SeedLedger}): a restart never undoes a curator's work. In
 * one transaction, so a failing statement leaves the data as it was and stops the deployment with the script and
 * line to fix.
 *
 * <p>Not the JPA {@code sql-load-script-source}: its location is fixed in persistence.xml, which neither server lets
 * configuration change in the same way (Payara's and WildFly's descriptor variables differ, and WildFly's are off by
 * default), and a failing load script is only logged there.
 */
@Startup
@Singleton
@DependsOn("SchemaMigrations")
public class SeedScripts {

    private static final Logger LOG = Logger.getLogger(SeedScripts.class.getName());
    /** The advisory lock's number: "seed" in ASCII. */
    private static final long SEEDING_LOCK = 0x73656564L;

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource database;

    @Inject
    @ConfigProperty(name = "insights.seed.scripts")
    Optional<String> locations;

    @PostConstruct
    void seed() {
        // also with no script: the first start after an upgrade from before the ledger settles its adoption (V2)
        List<SqlScript> scripts = SqlScript.load(locations.orElse(""), SeedScripts.class.getClassLoader());
        try (Connection connection = database.getConnection()) {
            lock(connection);
            for (SeedLedger.Outcome outcome : SeedLedger.apply(connection, scripts, Instant.now())) {
                SqlScript script = outcome.script();
                LOG.info(() -> switch (outcome.status()) {
                    case RAN -> "Seeded from " + script.name() + ": " + script.statements().size() + " statements";
                    case SKIPPED -> "Seed script " + script.name() + " already ran on this database ("
                            + outcome.ranBefore().orElseThrow() + "); skipped. A changed script runs once more.";
                    case ADOPTED -> "Seed script " + script.name() + " recorded as run, not run: this database holds"
                            + " data from a release before the seed ledger, which ran it on every start.";
                });
            }
        } catch (SQLException e) {
            if (!DatabaseFailures.isUnavailable(e)) {
                throw new IllegalStateException("Seeding failed; nothing was seeded: " + e.getMessage(), e);
            }
            // the database is down: the service starts anyway and answers 503 until it is back; seeding waits for
            // the next start
            LOG.warning(() -> "Seeding skipped, the database cannot be reached: " + DatabaseFailures.rootCause(e));
        }
    }

    /**
     * Servers starting together on one PostgreSQL database seed one after the other, so that the second finds the
     * ledger rows of the first and runs nothing (the lock ends with the transaction). An embedded H2
     * database has one server only.
     */
    private static void lock(Connection connection) throws SQLException {
        if ("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
            try (java.sql.Statement sql = connection.createStatement()) {
                sql.execute("SELECT pg_advisory_xact_lock(" + SEEDING_LOCK + ")");
            }
        }
    }
}
