package org.salesinsights.schema.boundary;

import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.salesinsights.platform.database.RequiredEnvironment;
import org.salesinsights.platform.errors.DatabaseFailures;

/**
 * Brings the insights database to the schema this release needs, at deployment and before anything reads it: the
 * versioned scripts of {@code db/migration} ({@code V1__schema.sql}, ...), each applied once per database and in
 * order, recorded in {@code flyway_schema_history}. A database made by a release before migrations (its schema made
 * by the JPA create script on every start) is taken as version 0: the idempotent {@code V1} then finds its tables
 * and changes no row. Servers starting together on PostgreSQL migrate one at a time (Flyway's advisory lock).
 *
 * <p>Bean-managed transactions: Flyway commits each migration itself, on a connection outside any JTA transaction.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigrations {

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource database;

    @PostConstruct
    void migrateAtStart() {
        // first of all: a datasource configured from variables that are not there is no outage to wait out
        RequiredEnvironment.check();
        try {
            MigrateResult result = migrate(database, SchemaMigrations.class.getClassLoader());
            LOG.info(() -> result.migrationsExecuted == 0
                    ? "Schema is up to date at version " + result.initialSchemaVersion
                    : "Schema migrated from " + (result.initialSchemaVersion == null ? "an empty database"
                            : "version " + result.initialSchemaVersion) + " to version " + result.targetSchemaVersion
                            + " (" + result.migrationsExecuted + " migrations)");
        } catch (FlywayException e) {
            if (!DatabaseFailures.isUnavailable(e)) {
                // a migration that fails on a reachable database must stop the deployment: the service would
                // otherwise answer from a schema it was not written for
                throw new IllegalStateException("The schema migration failed; nothing of the failed migration was"
                        + " kept. " + e.getMessage(), e);
            }
            // the database is down: the service starts anyway, answers 503 until it is back, and migrates at the
            // next start
            LOG.warning(() -> "Schema migration skipped, the database cannot be reached: "
                    + DatabaseFailures.rootCause(e));
        }
    }

    /** The migration itself, on any datasource: the server's at deployment, a test's H2 or PostgreSQL. */
    public static MigrateResult migrate(DataSource database, ClassLoader resources) {
        return Flyway.configure(resources)
                .dataSource(database)
                .locations("classpath:db/migration")
                // a database of an earlier release: tables but no history; version 0 is "before V1"
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .baselineDescription("made before schema migrations")
                .cleanDisabled(true)
                .load()
                .migrate();
    }
}
