package org.salesinsights.seeding.boundary;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.salesinsights.curation.boundary.Curation;
import org.salesinsights.curation.boundary.CurationViews.ImportReport;
import org.salesinsights.curation.boundary.InsightTransfers;
import org.salesinsights.curation.boundary.RelatedRecordCuration;
import org.salesinsights.curation.control.InsightFiles;
import org.salesinsights.curation.control.RelatedRecordFiles;
import org.salesinsights.insights.boundary.PagingSettings;
import org.salesinsights.insights.control.CrmRecordKey;
import org.salesinsights.platform.database.Databases;
import org.salesinsights.platform.errors.DatabaseFailures;
import org.salesinsights.seeding.control.SeedFile;
import org.salesinsights.seeding.control.SeedLedger;
import org.salesinsights.seeding.control.SeedScript;
import org.salesinsights.tenants.boundary.Tenants;
import org.salesinsights.tenants.control.TenantChangeParser;

/**
 * Seeds the database from the seed files the configuration names ({@code insights.seed.scripts}) after the schema
 * is migrated and before the first request, each once per database ({@link SeedLedger}): a restart never undoes a
 * curator's work. A seed file names every row by its natural key ({@link SeedFile}) and is written through the same
 * code as the admin API (tenants as the registry adds them, insights as an import adds them, with their history), so
 * a seeded row always gets a fresh id and can never land on a row the seed did not make. An organization another
 * tenant owns, or that an admin left without an owner, stops the start with the line that claims it.
 *
 * <p>All scripts in one transaction: a problem anywhere leaves the data as it was and stops the deployment with the
 * file and line to fix. Bean-managed, so that an unreachable database only postpones seeding to the next start.
 *
 * <p>Not the JPA {@code sql-load-script-source}: its location is fixed in persistence.xml, and a failing load script
 * is only logged there.
 */
@Startup
@Singleton
@DependsOn("SchemaMigrations")
@TransactionManagement(TransactionManagementType.BEAN)
public class SeedScripts {

    private static final Logger LOG = Logger.getLogger(SeedScripts.class.getName());
    /** The advisory lock's number: "seed" in ASCII. */
    private static final long SEEDING_LOCK = 0x73656564L;
    /** The width of the history's {@code changed_by}. */
    private static final int MAX_AUTHOR = 200;

    @PersistenceContext
    EntityManager em;

    @Resource
    UserTransaction transaction;

    @EJB
    Tenants tenants;

    @EJB
    Curation curation;

    @EJB
    InsightTransfers transfers;

    @EJB
    RelatedRecordCuration relatedRecords;

    @Inject
    PagingSettings paging;

    @Inject
    @ConfigProperty(name = "insights.seed.scripts")
    Optional<String> locations;

    @PostConstruct
    void seed() {
        // also with no script: the first start after an upgrade from before the ledger settles its adoption (V2)
        List<SeedScript> scripts = SeedScript.load(locations.orElse(""), SeedScripts.class.getClassLoader());
        // every file is read and checked before the database is touched: a mistake stops the start at once
        Map<String, SeedFile> files = new HashMap<>();
        for (SeedScript script : scripts) {
            if (!script.isSql()) {
                files.put(script.checksum(), SeedFile.parse(script, paging.parser()));
            }
        }
        Map<String, String> done = new LinkedHashMap<>();
        List<SeedLedger.Outcome> outcomes;
        try {
            transaction.begin();
            Connection connection = em.unwrap(Connection.class);
            lock(connection);
            outcomes = SeedLedger.apply(connection, scripts, Instant.now(), script -> {
                SeedFile file = files.get(script.checksum());
                if (file == null) {
                    throw retiredFormat(script);
                }
                done.put(script.name(), run(file));
                return file.entries();
            });
            transaction.commit();
        } catch (Exception e) {
            rollback();
            if (!DatabaseFailures.isUnavailable(e)) {
                throw e instanceof IllegalStateException failure ? failure
                        : new IllegalStateException("Seeding failed; nothing was seeded: " + e.getMessage(), e);
            }
            // the database is down: the service starts anyway and answers 503 until it is back; seeding waits for
            // the next start
            LOG.warning(() -> "Seeding skipped, the database cannot be reached: " + DatabaseFailures.rootCause(e));
            return;
        }
        for (SeedLedger.Outcome outcome : outcomes) {
            SeedScript script = outcome.script();
            LOG.info(() -> switch (outcome.status()) {
                case RAN -> "Seeded from " + script.name() + ": " + done.get(script.name());
                case SKIPPED -> "Seed script " + script.name() + " already ran on this database ("
                        + outcome.ranBefore().orElseThrow() + "); skipped. A changed script runs once more.";
                case ADOPTED -> "Seed script " + script.name() + " recorded as run, not run: this database holds"
                        + " data from a release before the seed ledger, which ran it on every start.";
            });
        }
    }

    /** One seed file, in the transaction: its tenants with their organizations and feeders, then its insights. */
    private String run(SeedFile file) {
        List<SeedFile.Problem> refused = new ArrayList<>();
        int tenantsAdded = 0;
        int organizationsAdded = 0;
        int feedersAdded = 0;
        for (SeedFile.SeedTenant tenant : file.tenants()) {
            Tenants.SeedRegistration registration = tenants.seed(tenant.tenantId(), tenant.displayName(),
                    tenant.organizations().stream().map(SeedFile.SeedOrganization::organization).toList(),
                    tenant.feeders());
            tenantsAdded += registration.tenantAdded() ? 1 : 0;
            feedersAdded += registration.feedersAdded();
            if (registration.feedersListed() > TenantChangeParser.MAX_FEEDERS) {
                refused.add(new SeedFile.Problem(tenant.line(), "tenant " + tenant.tenantId() + " would list "
                        + registration.feedersListed() + " feeders with this file's, and a tenant lists at most "
                        + TenantChangeParser.MAX_FEEDERS + "; an admin removes some first."));
            }
            for (int i = 0; i < registration.claims().size(); i++) {
                SeedFile.SeedOrganization organization = tenant.organizations().get(i);
                switch (registration.claims().get(i)) {
                    case ADDED -> organizationsAdded++;
                    case OWNED -> { }
                    case OWNED_BY_ANOTHER -> refused.add(new SeedFile.Problem(organization.line(), "the "
                            + organization.label() + " belongs to another tenant, not to " + tenant.tenantId()
                            + "; a seed never takes an organization from its tenant (an admin moves it, with"
                            + " PUT /api/admin/v1/tenants/{tenantId})."));
                    case LEFT_WITHOUT_OWNER -> refused.add(new SeedFile.Problem(organization.line(), "the "
                            + organization.label() + " is registered without a tenant (an admin removed its tenant"
                            + " or took it away), and a seed never takes it; if it is " + tenant.tenantId()
                            + "'s, an admin gives it back with PUT /api/admin/v1/tenants/{tenantId}."));
                }
            }
        }
        if (!refused.isEmpty()) {
            throw new SeedFile.InvalidSeedFile(file.name(), refused);
        }
        String summary = file.tenants().size() + " tenants (" + tenantsAdded + " new), " + organizationsAdded
                + " organizations new, " + feedersAdded + " feeders new";
        String by = ("seed " + file.name()).substring(0, Math.min(MAX_AUTHOR, 5 + file.name().length()));
        if (!file.insights().isEmpty()) {
            ImportReport report = transfers.seed(new InsightFiles.Read(file.insights(), List.of()), by);
            summary += ", " + report.recordsAdded() + " records new, " + report.created() + " insights new, "
                    + report.unchanged() + " kept as they are";
        }
        if (!file.relatedRecords().isEmpty()) {
            int made = 0;
            for (RelatedRecordFiles.Row row : file.relatedRecords()) {
                CrmRecordKey record = row.crmRecord();
                long crmRecordId = curation.record(record.crmType(), record.orgHost().orElseThrow(),
                        record.recordType(), record.recordId(), null).view().id();
                made += relatedRecords.save(crmRecordId, row.document(), row.source(), by,
                        RelatedRecordCuration.Mode.KEEP)
                        .outcome() == RelatedRecordCuration.Outcome.CREATED ? 1 : 0;
            }
            summary += ", " + made + " related records new of " + file.relatedRecords().size();
        }
        return summary;
    }

    private static IllegalStateException retiredFormat(SeedScript script) {
        return new IllegalStateException("Seed script " + script.name() + " is SQL, which this release no longer"
                + " runs: SQL named rows by numeric ids, which could land on another tenant's row. Write it as a seed"
                + " file (JSON, every row named by its natural key; see server-config/seed/seed-template.json), or"
                + " remove it from insights.seed.scripts. Nothing was seeded.");
    }

    private void rollback() {
        try {
            if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transaction.rollback();
            }
        } catch (Exception e) {
            LOG.warning(() -> "Seeding's transaction could not be rolled back: " + e);
        }
    }

    /**
     * Servers starting together on one PostgreSQL database seed one after the other, so that the second finds the
     * ledger rows of the first and runs nothing (the lock ends with the transaction). An embedded H2
     * database has one server only.
     */
    private static void lock(Connection connection) throws SQLException {
        if (Databases.isPostgreSQL(connection)) {
            try (Statement sql = connection.createStatement()) {
                sql.execute("SELECT pg_advisory_xact_lock(" + SEEDING_LOCK + ")");
            }
        }
    }
}
