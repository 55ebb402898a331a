package org.salesinsights.seeding.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs each seed script once per database: the table {@code seed_script} records every script that ran, by its name
 * and the SHA-256 of its text, and a script whose text is found there is skipped. So a restart never brings back a row
 * a curator deleted or changed; a changed script is a new script, run once. A database upgraded from before the ledger
 * (see V2) records the scripts its configuration names at its first start without running them. The scripts run on the caller's connection and
 * transaction, their ledger rows with them: a failing line leaves neither data nor record.
 */
public final class SeedLedger {

    /** What became of one script on this start. */
    public record Outcome(SqlScript script, Status status, Optional<OffsetDateTime> ranBefore) {

        public boolean ran() {
            return status == Status.RAN;
        }
    }

    public enum Status {
        /** Run now, and recorded. */
        RAN,
        /** Recorded before (under any name: a copy of a script that ran is the same script); not run. */
        SKIPPED,
        /** Recorded, not run: the database held data from before the ledger, made with the scripts it names. */
        ADOPTED
    }

    private SeedLedger() {
    }

    public static List<Outcome> apply(Connection connection, List<SqlScript> scripts, Instant now) {
        boolean adopt = adoptionPending(connection);
        List<Outcome> outcomes = new ArrayList<>();
        for (SqlScript script : scripts) {
            Optional<OffsetDateTime> ranBefore = ranBefore(connection, script);
            Status status = ranBefore.isPresent() ? Status.SKIPPED : adopt ? Status.ADOPTED : Status.RAN;
            if (status == Status.RAN) {
                run(connection, script);
            }
            if (status != Status.SKIPPED) {
                record(connection, script, now);
            }
            outcomes.add(new Outcome(script, status, ranBefore));
        }
        return outcomes;
    }

    /** Whether V2 found data from before the ledger, and no start has adopted the configured scripts since. */
    private static boolean adoptionPending(Connection connection) {
        try (Statement sql = connection.createStatement()) {
            return sql.executeUpdate("DELETE FROM seed_script_adoption") > 0;
        } catch (SQLException e) {
            throw new IllegalStateException("The seed ledger (table seed_script_adoption) cannot be read: "
                    + e.getMessage(), e);
        }
    }

    private static Optional<OffsetDateTime> ranBefore(Connection connection, SqlScript script) {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT MIN(applied_at) FROM seed_script WHERE checksum = ?")) {
            query.setString(1, script.checksum());
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.ofNullable(rows.getObject(1, OffsetDateTime.class)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The seed ledger (table seed_script) cannot be read: " + e.getMessage(), e);
        }
    }

    private static void run(Connection connection, SqlScript script) {
        for (SqlScript.Statement statement : script.statements()) {
            try (Statement sql = connection.createStatement()) {
                sql.execute(statement.sql());
            } catch (SQLException e) {
                throw new IllegalStateException("Seed script " + script.name() + " failed at line "
                        + statement.line() + " (" + e.getMessage() + "); nothing was seeded. Fix the line, or"
                        + " remove the script from insights.seed.scripts.", e);
            }
        }
    }

    private static void record(Connection connection, SqlScript script, Instant now) {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO seed_script (name, checksum, statements, applied_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, script.name());
            insert.setString(2, script.checksum());
            insert.setInt(3, script.statements().size());
            insert.setObject(4, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Seed script " + script.name() + " ran but cannot be recorded in the"
                    + " seed ledger (" + e.getMessage() + "); nothing was seeded.", e);
        }
    }
}
