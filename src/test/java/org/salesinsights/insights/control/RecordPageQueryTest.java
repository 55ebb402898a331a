package org.salesinsights.insights.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesinsights.insights.entity.CrmType;
import org.salesinsights.schema.boundary.SchemaMigrations;

/**
 * The read path's single statement on H2 (PostgreSQL runs it in every suite of the postgresql profile): the page in
 * the read order with one row more than asked, its properties and translations in their order, the next validity
 * boundary, the caller's ownership of the organization named, and nothing of another tenant.
 */
class RecordPageQueryTest {

    private static final String TENANT = "c07050c0-0000-4000-a000-000000000001";
    private static final String OTHER = "fab00000-0000-4000-a000-000000000002";
    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 1, 9, 0, 0, 0, ZoneOffset.UTC);
    private static final CrmRecordKey RECORD = new CrmRecordKey(CrmType.DYNAMICS_365, Optional.empty(),
            "opportunity", "r-1");

    private Connection connection;

    @BeforeEach
    void database() throws SQLException {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:record-page-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        SchemaMigrations.migrate(database, getClass().getClassLoader());
        connection = database.getConnection();
        try (Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO tenant (id, display_name) VALUES ('" + TENANT + "', 'Contoso'), ('" + OTHER
                    + "', 'Fabrikam')");
            sql.execute("INSERT INTO crm_organization (id, crm_type, host, tenant_id) VALUES"
                    + " (1, 'DYNAMICS_365', 'contoso.crm.dynamics.com', '" + TENANT + "'),"
                    + " (2, 'DYNAMICS_365', 'fabrikam.crm.dynamics.com', '" + OTHER + "')");
            sql.execute("INSERT INTO crm_record (id, organization_id, record_type, record_id) VALUES"
                    + " (1, 1, 'opportunity', 'r-1'), (2, 2, 'opportunity', 'r-1')");
            // id, title, time, pinned, priority, visible from/until
            insight(sql, 10, 1, "Old", "2026-11-01 10:00:00+00", false, 0, null, null);
            insight(sql, 11, 1, "Pinned", "2026-10-01 10:00:00+00", true, 0, null, null);
            insight(sql, 12, 1, "Priority", null, false, 5, null, null);
            insight(sql, 13, 1, "Undated", null, false, 0, null, null);
            insight(sql, 14, 1, "Later", "2026-11-20 10:00:00+00", false, 0, "2026-12-03 00:00:00+00", null);
            insight(sql, 15, 1, "Ending", "2026-11-25 10:00:00+00", false, 0, null, "2026-12-02 00:00:00+00");
            insight(sql, 16, 1, "Over", "2026-11-26 10:00:00+00", false, 0, null, "2026-11-30 00:00:00+00");
            insight(sql, 20, 2, "Theirs", "2026-11-28 10:00:00+00", true, 9, null, null);
            sql.execute("INSERT INTO insight_property (insight_id, prop_order, prop_name, prop_value) VALUES"
                    + " (11, 1, 'Second', 'b'), (11, 0, 'First', 'a')");
            sql.execute("INSERT INTO insight_translation (id, insight_id, language, title, description) VALUES"
                    + " (1, 11, 'de', 'Angeheftet', 'Beschreibung'), (2, 11, 'fr', 'Epingle', 'Description')");
            sql.execute("INSERT INTO insight_translation_property (translation_id, prop_order, prop_name, prop_value)"
                    + " VALUES (1, 1, 'Zweite', 'b'), (1, 0, 'Erste', 'a')");
        }
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void aPageIsInTheReadOrderWithOneRowMoreThanAsked() throws SQLException {
        RecordPageQuery.Page page = read(RECORD, 3, 0, null, false);
        assertTrue(page.owned());
        assertEquals(List.of("Pinned", "Priority", "Ending", "Old"), titles(page), "pinned, priority, newest");
        RecordPageQuery.Page rest = read(RECORD, 3, 3, null, false);
        assertEquals(List.of("Old", "Undated"), titles(rest), "undated last; the expired and future ones left out");
    }

    @Test
    void propertiesComeInTheirOrderAndTranslationsOnlyWhenAsked() throws SQLException {
        RecordPageQuery.Page plain = read(RECORD, 1, 0, null, false);
        assertEquals(List.of(new RecordPageQuery.Property("First", "a"), new RecordPageQuery.Property("Second", "b")),
                plain.properties().get(11L));
        assertEquals(Optional.empty(), Optional.ofNullable(plain.translations().get(11L)));
        RecordPageQuery.Page translated = read(RECORD, 1, 0, null, true);
        List<RecordPageQuery.Words> words = translated.translations().get(11L);
        assertEquals(List.of("de", "fr"), words.stream().map(RecordPageQuery.Words::language).toList());
        assertEquals(List.of(new RecordPageQuery.Property("Erste", "a"), new RecordPageQuery.Property("Zweite", "b")),
                words.get(0).properties());
        assertEquals(List.of(), words.get(1).properties());
    }

    @Test
    void theNextValidityBoundaryIsTheNearestAhead() throws SQLException {
        assertEquals(Optional.of(OffsetDateTime.parse("2026-12-02T00:00Z")),
                read(RECORD, 5, 0, null, false).nextChange().map(t -> t.withOffsetSameInstant(ZoneOffset.UTC)));
    }

    @Test
    void anotherTenantsOrganizationIsNotOwnedAndItsInsightsAreNeverRead() throws SQLException {
        CrmRecordKey theirs = new CrmRecordKey(CrmType.DYNAMICS_365, Optional.of("fabrikam.crm.dynamics.com"),
                "opportunity", "r-1");
        RecordPageQuery.Page page = read(theirs, 5, 0, null, false);
        assertFalse(page.owned());
        assertEquals(List.of(), page.rows());
        CrmRecordKey ours = new CrmRecordKey(CrmType.DYNAMICS_365, Optional.of("contoso.crm.dynamics.com"),
                "opportunity", "r-1");
        assertTrue(read(ours, 5, 0, null, false).owned());
        assertFalse(titles(read(RECORD, 20, 0, null, false)).contains("Theirs"));
    }

    @Test
    void anInsightACuratorHidIsNeverReadNorItsValidityCounted() throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute("UPDATE insight SET hidden = TRUE WHERE id IN (11, 15)"); // "Pinned", and "Ending" (boundary)
        }
        assertEquals(List.of("Priority", "Old", "Undated"), titles(read(RECORD, 5, 0, null, false)));
        assertEquals(Optional.of(OffsetDateTime.parse("2026-12-03T00:00Z")),
                read(RECORD, 5, 0, null, false).nextChange().map(t -> t.withOffsetSameInstant(ZoneOffset.UTC)),
                "the hidden one's end is no boundary of what sellers see");
    }

    @Test
    void theRecordSummarysWindowKeepsOnlyInsightsTimedWithinIt() throws SQLException {
        TimeWindow window = new TimeWindow(OffsetDateTime.parse("2026-10-01T10:00Z"),
                OffsetDateTime.parse("2026-11-01T10:00Z"));
        assertEquals(List.of("Pinned", "Old"), titles(read(RECORD, 5, 0, window, false)), "both ends inclusive");
    }

    private RecordPageQuery.Page read(CrmRecordKey record, int top, int skip, TimeWindow window, boolean translations)
            throws SQLException {
        return RecordPageQuery.read(connection, TENANT, new InsightsQuery(record, new PageRequest(top, skip)), window,
                translations, NOW);
    }

    private static List<String> titles(RecordPageQuery.Page page) {
        return page.rows().stream().map(RecordPageQuery.Row::title).toList();
    }

    private static void insight(Statement sql, long id, long record, String title, String time, boolean pinned,
            int priority, String from, String until) throws SQLException {
        sql.execute("INSERT INTO insight (id, crm_record_id, title, description, occurred_at, pinned, priority,"
                + " language, visible_from, visible_until, natural_key) VALUES (" + id + ", " + record + ", '" + title
                + "', 'd', " + timestamp(time) + ", " + pinned + ", " + priority + ", 'en', " + timestamp(from) + ", "
                + timestamp(until) + ", 'k" + id + "')");
    }

    private static String timestamp(String time) {
        return time == null ? "NULL" : "TIMESTAMP WITH TIME ZONE '" + time + "'";
    }
}
