package org.salesinsights.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.salesinsights.schema.boundary.SchemaMigrations;
import org.salesinsights.schema.boundary.SchemaMigrationsTestAccess;
import org.salesinsights.seeding.control.SeedLedger;

/**
 * The schema's migrations and the seed ledger on PostgreSQL, the production database, as every start runs them: a
 * database made by release 0.1 upgrades with every row kept, and its demo data is not seeded again. (Seeding itself on
 * PostgreSQL: {@code SeedIsolationIT}.) Runs in the postgresql profile, on a scratch database of its own.
 */
@Tag("postgresql") // a scratch PostgreSQL database of its own (the postgresql profile)
class SeedScriptsPostgresIT {

    @Test
    void aDatabaseOfRelease01UpgradesWithEveryRowKept() throws Exception {
        PGSimpleDataSource database = scratch("insights_upgrade_it");
        try (Connection db = database.getConnection(); Statement sql = db.createStatement()) {
            for (String script : List.of("create-schema.sql", "demo-data.sql")) {
                for (String line : Files.readAllLines(Path.of("src/test/resources/legacy/0.1", script))) {
                    if (!line.isBlank()) {
                        sql.execute(line);
                    }
                }
            }
            sql.executeUpdate("UPDATE insight SET title = 'Edited by an admin', version = 2 WHERE id = 2");
            sql.executeUpdate("DELETE FROM insight WHERE id = 3");
        }
        Map<String, List<String>> before = SchemaMigrationsTestAccess.everyRow(database);
        assertEquals(7, SchemaMigrations.migrate(database, loader()).migrationsExecuted);
        assertEquals(SeedLedger.Status.ADOPTED, SchemaMigrationsTestAccess.seed(database).get(0).status(),
                "the demo ran under 0.1: the upgrade's first start records it and does not run it again");
        assertEquals(0, SchemaMigrations.migrate(database, loader()).migrationsExecuted);
        assertEquals(SeedLedger.Status.SKIPPED, SchemaMigrationsTestAccess.seed(database).get(0).status());
        assertEquals(before, SchemaMigrationsTestAccess.everyRow(database), "the upgrade changed a row");
        drop("insights_upgrade_it");
    }

    private static PGSimpleDataSource scratch(String name) throws SQLException {
        String adminUrl = System.getProperty("insights.it.postgres.adminUrl");
        try (Connection admin = DriverManager.getConnection(adminUrl); Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            sql.execute("CREATE DATABASE " + name);
        }
        PGSimpleDataSource database = new PGSimpleDataSource();
        database.setUrl(adminUrl.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1"));
        return database;
    }

    private static void drop(String name) throws SQLException {
        try (Connection admin = DriverManager.getConnection(System.getProperty("insights.it.postgres.adminUrl"));
                Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE " + name + " WITH (FORCE)");
        }
    }

    private static ClassLoader loader() {
        return SeedScriptsPostgresIT.class.getClassLoader();
    }
}
