package org.salesinsights.schema.boundary;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

/** The row snapshot of {@link SchemaMigrationsTest}, for the seed ledger's tests in another package. */
public final class SchemaMigrationsTestAccess {

    private SchemaMigrationsTestAccess() {
    }

    public static Map<String, List<String>> everyRow(DataSource database) throws SQLException {
        return SchemaMigrationsTest.everyRow(database);
    }

    public static List<org.salesinsights.seeding.control.SeedLedger.Outcome> seed(DataSource database)
            throws SQLException {
        return SchemaMigrationsTest.seed(database);
    }
}
