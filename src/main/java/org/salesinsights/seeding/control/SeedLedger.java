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
import java.util.function.ToIntFunction;

/**
 * Runs each seed script once per database: the table {@code seed_script} records every script that ran, by its name
 * and the SHA-256 of its text, and a script whose text is found there is skipped. So a restart never brings back a row
 * a curator deleted or changed; a changed script is a new script, run once. The built-in demo data runs once per
 * database whichever release's it is: a later release's demo is skipped where an earlier one ran. A database upgraded
 * from before the ledger (see V2) records the scripts its configuration names at its first start without running
 * them. The ledger is read and written on the caller's connection, in the caller's transaction, which the scripts run
 * in as well: a failing script leaves neither data nor record.
 */
public final class SeedLedger {

    /** What became of one script on this start. */
    public record Outcome(SeedScript script, Status status, Optional<OffsetDateTime> ranBefore) {

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

    /**
     * Runs the scripts that have not run on this database, in order, and records them.
     *
     * @param run runs one script, on the caller's transaction, and answers how many entries it holds; it throws
     *     when the script cannot run, which leaves it unrecorded
     */
    public static List<Outcome> apply(Connection connection, List<SeedScript> scripts, Instant now,
            ToIntFunction<SeedScript> run) {
        boolean adopt = adoptionPending(connection);
        List<Outcome> outcomes = new ArrayList<>();
        for (SeedScript script : scripts) {
            Optional<OffsetDateTime> ranBefore = ranBefore(connection, script);
            Status status = ranBefore.isPresent() ? Status.SKIPPED : adopt ? Status.ADOPTED : Status.RAN;
            int entries = 0;
            if (status == Status.RAN) {
                entries = run.applyAsInt(script);
            }
            if (status != Status.SKIPPED) {
                record(connection, script, entries, now);
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

    /** When it ran first: a script of the same text under any name, or any release's demo data for the demo. */
    private static Optional<OffsetDateTime> ranBefore(Connection connection, SeedScript script) {
        try (PreparedStatement query = connection.prepareStatement(script.isDemo()
                ? "SELECT MIN(applied_at) FROM seed_script WHERE checksum = ? OR name = '" + SeedScript.DEMO + "'"
                : "SELECT MIN(applied_at) FROM seed_script WHERE checksum = ?")) {
            query.setString(1, script.checksum());
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.ofNullable(rows.getObject(1, OffsetDateTime.class)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The seed ledger (table seed_script) cannot be read: " + e.getMessage(), e);
        }
    }

    private static void record(Connection connection, SeedScript script, int entries, Instant now) {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO seed_script (name, checksum, statements, applied_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, script.name());
            insert.setString(2, script.checksum());
            insert.setInt(3, entries);
            insert.setObject(4, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Seed script " + script.name() + " ran but cannot be recorded in the"
                    + " seed ledger (" + e.getMessage() + "); nothing was seeded.", e);
        }
    }
}
