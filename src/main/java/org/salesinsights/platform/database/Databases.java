package org.salesinsights.platform.database;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Which database a connection is on, for the few statements that differ: PostgreSQL, the production database, or H2,
 * the embedded default. Where a statement is PostgreSQL's own (arrays, advisory locks, lock timeouts, nextval), H2
 * takes the portable one.
 */
public final class Databases {

    private Databases() {
    }

    public static boolean isPostgreSQL(Connection connection) throws SQLException {
        return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
    }
}
