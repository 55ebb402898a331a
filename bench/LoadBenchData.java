import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Loads the benchmark's data set into a database through JDBC: the schema from the application's own create
 * script, then RECORDS Dynamics 365 opportunities with INSIGHTS insights of 3 properties each. Record n has the id
 * 00000000-0000-4000-8000-{n as 12 hex digits}, which bench/random-record.lua picks from.
 *
 * <p>Run with the JDBC driver on the class path: java -cp h2.jar bench/LoadBenchData.java URL SCHEMA RECORDS INSIGHTS
 */
public class LoadBenchData {

    /** The tenant that owns the benchmark organization; bench/run.sh signs in as one of its users. */
    static final String TENANT = "be0c0000-0000-4000-a000-000000000009";

    public static void main(String[] args) throws Exception {
        String url = args[0];
        Path schema = Path.of(args[1]);
        int records = Integer.parseInt(args[2]);
        int insightsPerRecord = Integer.parseInt(args[3]);
        long start = System.nanoTime();
        try (Connection db = DriverManager.getConnection(url)) {
            try (Statement sql = db.createStatement()) {
                // the first migration, one statement per line; the server applies the later ones at its start
                for (String line : Files.readAllLines(schema, StandardCharsets.US_ASCII)) {
                    if (!line.isBlank() && !line.startsWith("--")) {
                        sql.execute(line.replaceFirst(";\\s*$", ""));
                    }
                }
                sql.execute("INSERT INTO tenant (id, display_name) VALUES ('" + TENANT + "', 'Benchmark')");
                sql.execute("INSERT INTO crm_organization (id, crm_type, host, display_name, tenant_id)"
                        + " VALUES (9000, 'DYNAMICS_365', 'bench.crm.dynamics.com', 'Benchmark', '" + TENANT + "')");
            }
            db.setAutoCommit(false);
            try (PreparedStatement record = db.prepareStatement("INSERT INTO crm_record"
                    + " (id, organization_id, record_type, record_id, display_name) VALUES (?, 9000, 'opportunity', ?, ?)");
                    PreparedStatement insight = db.prepareStatement("INSERT INTO insight (id, crm_record_id, title,"
                            + " description, url, occurred_at, pinned, priority, language, version)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, 0, 'en', 1)");
                    PreparedStatement property = db.prepareStatement("INSERT INTO insight_property"
                            + " (insight_id, prop_order, prop_name, prop_value) VALUES (?, ?, ?, ?)")) {
                long insightId = 10_000_000L;
                Instant now = Instant.parse("2026-11-24T00:00:00Z");
                for (int n = 1; n <= records; n++) {
                    long recordId = 1_000_000L + n;
                    record.setLong(1, recordId);
                    record.setString(2, String.format("00000000-0000-4000-8000-%012x", n));
                    record.setString(3, "Benchmark opportunity " + n);
                    record.addBatch();
                    for (int i = 0; i < insightsPerRecord; i++) {
                        insightId++;
                        insight.setLong(1, insightId);
                        insight.setLong(2, recordId);
                        insight.setString(3, "Contoso Hub");
                        insight.setString(4, "Opportunity " + n + " insight " + i
                                + ": the customer asked for a revised quote and a delivery date before the next review.");
                        insight.setString(5, "https://contosohub.example.com/opportunities/" + n + "/insights/" + i);
                        insight.setObject(6, OffsetDateTime.ofInstant(now.minusSeconds(3_600L * i + n), ZoneOffset.UTC));
                        insight.setBoolean(7, i == 0);
                        insight.addBatch();
                        String[][] pairs = {{"Stage", "Propose"}, {"Owner", "Tony Benis"}, {"Amount", "USD " + (n * 1000)}};
                        for (int p = 0; p < pairs.length; p++) {
                            property.setLong(1, insightId);
                            property.setInt(2, p);
                            property.setString(3, pairs[p][0]);
                            property.setString(4, pairs[p][1]);
                            property.addBatch();
                        }
                    }
                    if (n % 500 == 0 || n == records) {
                        record.executeBatch();
                        insight.executeBatch();
                        property.executeBatch();
                        db.commit();
                    }
                }
            }
        }
        System.out.printf("loaded %d records x %d insights in %.1f s%n", records, insightsPerRecord,
                (System.nanoTime() - start) / 1e9);
    }
}
