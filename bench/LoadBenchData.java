import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Loads the benchmark's data set into a database: the schema from the application's own first migration, then
 * RECORDS Dynamics 365 opportunities with INSIGHTS insights of 3 properties each. Record n has the id
 * 00000000-0000-4000-8000-{n as 12 hex digits}, which bench/random-record.lua picks from.
 *
 * <p>One generator ({@link #generate}) makes the rows for both databases, so H2 and PostgreSQL hold the same data
 * and give the same answers. How the rows travel differs:
 * <ul>
 * <li>H2 (embedded, no network): JDBC batches of 500 records, committed each; 100k insights take seconds.</li>
 * <li>PostgreSQL: {@code COPY ... FROM STDIN} through the driver's CopyManager, one table after the other in one
 *     transaction. Batched INSERTs (even with {@code reWriteBatchedInserts}) send and parse SQL for every row; COPY
 *     streams rows in PostgreSQL's text format and is several times faster. Server-side {@code generate_series}
 *     would be about as fast (the time goes to the indexes, the foreign-key checks and the WAL, the same for both),
 *     but it would describe the data a second time, in SQL, beside this generator.</li>
 * </ul>
 * Then statistics are gathered (ANALYZE, on PostgreSQL VACUUM ANALYZE), as a database in service has them: without
 * them the first minutes of a run would measure the planner's guesses on a freshly loaded table.
 *
 * <p>Every insight gets its natural key, as every row written by the service has: the server's first start applies
 * the migrations to this database (Flyway takes it as version 0) and V1 gives a key to each insight without one;
 * on 1M insights that UPDATE would rewrite the whole table at the start and leave it bloated, unvacuumed, for the
 * run to measure.
 *
 * <p>Run with both JDBC drivers on the class path (the source launcher compiles this whole file):
 * java -cp h2.jar:postgresql.jar bench/LoadBenchData.java URL SCHEMA RECORDS INSIGHTS
 */
public class LoadBenchData {

    /** The tenant that owns the benchmark organization; bench/run.sh signs in as one of its users. */
    static final String TENANT = "be0c0000-0000-4000-a000-000000000009";
    static final long ORGANIZATION = 9000;
    static final Instant NOW = Instant.parse("2026-11-24T00:00:00Z");
    static final String[][] PROPERTIES = {{"Stage", "Propose"}, {"Owner", "Tony Benis"}, {"Amount", null}};

    /** Receives the generated rows of the three tables, in an order that keeps every foreign key satisfied. */
    interface Rows {
        void record(long id, String recordId, String displayName) throws Exception;

        void insight(long id, long recordId, String title, String description, String url, OffsetDateTime occurredAt,
                boolean pinned, String naturalKey) throws Exception;

        void property(long insightId, int order, String name, String value) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        Path schema = Path.of(args[1]);
        int records = Integer.parseInt(args[2]);
        int insightsPerRecord = Integer.parseInt(args[3]);
        long start = System.nanoTime();
        double rowsSeconds;
        try (Connection db = DriverManager.getConnection(url)) {
            createSchemaAndTenant(db, schema);
            long rowsStart = System.nanoTime();
            if (url.startsWith("jdbc:postgresql:")) {
                copyInto(db, records, insightsPerRecord);
                rowsSeconds = (System.nanoTime() - rowsStart) / 1e9;
                db.setAutoCommit(true);
                try (Statement sql = db.createStatement()) {
                    sql.execute("VACUUM ANALYZE");
                }
            } else {
                insertInBatches(db, records, insightsPerRecord);
                rowsSeconds = (System.nanoTime() - rowsStart) / 1e9;
                try (Statement sql = db.createStatement()) {
                    sql.execute("ANALYZE");
                }
            }
        }
        System.out.printf("loaded %d records x %d insights in %.1f s%n", records, insightsPerRecord,
                (System.nanoTime() - start) / 1e9);
        // the rows alone, committed (no schema, no statistics): the raw rate bench/feeds.sh holds the feed API to
        System.out.printf("rows_result %d %.3f%n", records * insightsPerRecord, rowsSeconds);
    }

    static void createSchemaAndTenant(Connection db, Path schema) throws Exception {
        try (Statement sql = db.createStatement()) {
            // the first migration, one statement per line; the server applies the later ones at its start
            for (String line : Files.readAllLines(schema, StandardCharsets.US_ASCII)) {
                if (!line.isBlank() && !line.startsWith("--")) {
                    sql.execute(line.replaceFirst(";\\s*$", ""));
                }
            }
            sql.execute("INSERT INTO tenant (id, display_name) VALUES ('" + TENANT + "', 'Benchmark')");
            sql.execute("INSERT INTO crm_organization (id, crm_type, host, display_name, tenant_id) VALUES ("
                    + ORGANIZATION + ", 'DYNAMICS_365', 'bench.crm.dynamics.com', 'Benchmark', '" + TENANT + "')");
        }
    }

    /** The data set: the same rows whatever receives them. */
    static void generate(int records, int insightsPerRecord, Rows rows) throws Exception {
        long insightId = 10_000_000L;
        for (int n = 1; n <= records; n++) {
            long recordId = 1_000_000L + n;
            rows.record(recordId, String.format("00000000-0000-4000-8000-%012x", n), "Benchmark opportunity " + n);
            for (int i = 0; i < insightsPerRecord; i++) {
                insightId++;
                rows.insight(insightId, recordId, "Contoso Hub", "Opportunity " + n + " insight " + i
                        + ": the customer asked for a revised quote and a delivery date before the next review.",
                        "https://contosohub.example.com/opportunities/" + n + "/insights/" + i,
                        OffsetDateTime.ofInstant(NOW.minusSeconds(3_600L * i + n), ZoneOffset.UTC), i == 0,
                        "insight-" + insightId);
                for (int p = 0; p < PROPERTIES.length; p++) {
                    String value = PROPERTIES[p][1] != null ? PROPERTIES[p][1] : "USD " + (n * 1000L);
                    rows.property(insightId, p, PROPERTIES[p][0], value);
                }
            }
        }
    }

    static void insertInBatches(Connection db, int records, int insightsPerRecord) throws Exception {
        db.setAutoCommit(false);
        try (PreparedStatement record = db.prepareStatement("INSERT INTO crm_record"
                + " (id, organization_id, record_type, record_id, display_name) VALUES (?, " + ORGANIZATION
                + ", 'opportunity', ?, ?)");
                PreparedStatement insight = db.prepareStatement("INSERT INTO insight (id, crm_record_id, title,"
                        + " description, url, occurred_at, pinned, priority, language, version, natural_key)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, 0, 'en', 1, ?)");
                PreparedStatement property = db.prepareStatement("INSERT INTO insight_property"
                        + " (insight_id, prop_order, prop_name, prop_value) VALUES (?, ?, ?, ?)")) {
            int[] pending = {0};
            generate(records, insightsPerRecord, new Rows() {
                @Override
                public void record(long id, String recordId, String displayName) throws SQLException {
                    if (++pending[0] > 500) { // a batch holds whole records with their insights
                        flush();
                        pending[0] = 1;
                    }
                    record.setLong(1, id);
                    record.setString(2, recordId);
                    record.setString(3, displayName);
                    record.addBatch();
                }

                @Override
                public void insight(long id, long recordId, String title, String description, String url,
                        OffsetDateTime occurredAt, boolean pinned, String naturalKey) throws SQLException {
                    insight.setLong(1, id);
                    insight.setLong(2, recordId);
                    insight.setString(3, title);
                    insight.setString(4, description);
                    insight.setString(5, url);
                    insight.setObject(6, occurredAt);
                    insight.setBoolean(7, pinned);
                    insight.setString(8, naturalKey);
                    insight.addBatch();
                }

                @Override
                public void property(long insightId, int order, String name, String value) throws SQLException {
                    property.setLong(1, insightId);
                    property.setInt(2, order);
                    property.setString(3, name);
                    property.setString(4, value);
                    property.addBatch();
                }

                private void flush() throws SQLException {
                    record.executeBatch();
                    insight.executeBatch();
                    property.executeBatch();
                    db.commit();
                }
            });
            record.executeBatch();
            insight.executeBatch();
            property.executeBatch();
            db.commit();
        }
    }

    /**
     * One COPY per table, parents first, in one transaction: a connection runs one COPY at a time, and a child's
     * foreign key must find its parent, so the generator runs three times and each pass keeps one table's rows.
     */
    static void copyInto(Connection db, int records, int insightsPerRecord) throws Exception {
        db.setAutoCommit(false);
        try (Statement sql = db.createStatement()) {
            sql.execute("SET synchronous_commit = off"); // a crash during the load means loading again anyway
        }
        PGConnection pg = db.unwrap(PGConnection.class);
        copy(pg, "crm_record (id, organization_id, record_type, record_id, display_name)", records, insightsPerRecord,
                (out, table) -> new RowsOf(table) {
                    @Override
                    public void record(long id, String recordId, String displayName) throws SQLException {
                        row(out, id, ORGANIZATION, "opportunity", recordId, displayName);
                    }
                });
        copy(pg, "insight (id, crm_record_id, title, description, url, occurred_at, pinned, priority, language,"
                + " version, natural_key)", records, insightsPerRecord, (out, table) -> new RowsOf(table) {
                    @Override
                    public void insight(long id, long recordId, String title, String description, String url,
                            OffsetDateTime occurredAt, boolean pinned, String naturalKey) throws SQLException {
                        row(out, id, recordId, title, description, url, occurredAt, pinned, 0, "en", 1, naturalKey);
                    }
                });
        copy(pg, "insight_property (insight_id, prop_order, prop_name, prop_value)", records, insightsPerRecord,
                (out, table) -> new RowsOf(table) {
                    @Override
                    public void property(long insightId, int order, String name, String value) throws SQLException {
                        row(out, insightId, order, name, value);
                    }
                });
        db.commit();
    }

    interface CopySink {
        Rows rows(CopyBuffer out, String table);
    }

    static void copy(PGConnection pg, String table, int records, int insightsPerRecord, CopySink sink)
            throws Exception {
        long start = System.nanoTime();
        CopyIn in = pg.getCopyAPI().copyIn("COPY " + table + " FROM STDIN");
        CopyBuffer out = new CopyBuffer(in);
        generate(records, insightsPerRecord, sink.rows(out, table));
        out.flush();
        long rows = in.endCopy();
        System.out.printf("  COPY %s: %d rows in %.1f s%n", table.substring(0, table.indexOf(' ')), rows,
                (System.nanoTime() - start) / 1e9);
    }

    /** Rows of one table; the other tables' rows are dropped. */
    abstract static class RowsOf implements Rows {
        final String table;

        RowsOf(String table) {
            this.table = table;
        }

        @Override
        public void record(long id, String recordId, String displayName) throws Exception {
        }

        @Override
        public void insight(long id, long recordId, String title, String description, String url,
                OffsetDateTime occurredAt, boolean pinned, String naturalKey) throws Exception {
        }

        @Override
        public void property(long insightId, int order, String name, String value) throws Exception {
        }

        /** One line of COPY's text format: tab-separated, \N for null, backslash escapes. */
        static void row(CopyBuffer out, Object... values) throws SQLException {
            StringBuilder line = out.line;
            for (int v = 0; v < values.length; v++) {
                if (v > 0) {
                    line.append('\t');
                }
                Object value = values[v];
                if (value == null) {
                    line.append("\\N");
                } else {
                    String text = value instanceof OffsetDateTime time ? time.toString() : value.toString();
                    for (int c = 0; c < text.length(); c++) {
                        char ch = text.charAt(c);
                        switch (ch) {
                            case '\\' -> line.append("\\\\");
                            case '\t' -> line.append("\\t");
                            case '\n' -> line.append("\\n");
                            case '\r' -> line.append("\\r");
                            default -> line.append(ch);
                        }
                    }
                }
            }
            line.append('\n');
            if (line.length() > 1 << 20) {
                out.flush();
            }
        }
    }

    /** Sends COPY data a megabyte at a time. */
    static final class CopyBuffer {
        final CopyIn in;
        final StringBuilder line = new StringBuilder(1 << 21);

        CopyBuffer(CopyIn in) {
            this.in = in;
        }

        void flush() throws SQLException {
            byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
            in.writeToCopy(bytes, 0, bytes.length);
            line.setLength(0);
        }
    }
}
