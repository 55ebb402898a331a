package org.salesinsights.insights.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A page of a CRM record's insights in one round trip to the database: the page (one row more than asked, which
 * tells whether another page exists), its properties, its translations when the seller asked for a language, the
 * next moment an insight of the record enters or leaves its validity window, and, when the caller named an
 * organization, whether the caller's tenant owns it. One SQL statement of {@code UNION ALL} branches, each row
 * tagged with its kind, read as plain values (no managed entities); the same SQL on H2 and PostgreSQL.
 *
 * <p>Bound to the caller's tenant like every read: only the organizations it owns are searched. Insights a curator
 * hid are never read (nor their validity windows counted).
 */
public final class RecordPageQuery {

    /** The read order: pinned, then priority, then newest, then the id, the unique tie-breaker (as the entity's). */
    static final Comparator<Row> READ_ORDER = Comparator.comparing(Row::pinned).reversed()
            .thenComparing(Comparator.comparingInt(Row::priority).reversed())
            .thenComparing(Row::occurredAt, Comparator.nullsFirst(Comparator.<OffsetDateTime>naturalOrder()).reversed())
            .thenComparing(Comparator.comparingLong(Row::id).reversed());

    private RecordPageQuery() {
    }

    /** An insight of the page as stored. */
    public record Row(long id, String title, String description, String url, OffsetDateTime occurredAt,
            boolean pinned, int priority, String language) {
    }

    /** A name and value, in their order. */
    public record Property(String name, String value) {
    }

    /** A translation's words. */
    public record Words(String language, String title, String description, List<Property> properties) {
    }

    /**
     * What the database holds for the request.
     *
     * @param owned false when the caller named an organization its tenant does not own
     * @param rows the page in the read order, with one more than asked when another page exists
     * @param nextChange the next validity boundary of the record's insights, if one is ahead
     */
    public record Page(boolean owned, List<Row> rows, Map<Long, List<Property>> properties,
            Map<Long, List<Words>> translations, Optional<OffsetDateTime> nextChange) {
    }

    /**
     * Reads the page.
     *
     * @param window the record summary's window of insight times; null for every insight
     * @param translations whether to read the page's translations (a seller named a language)
     */
    public static Page read(Connection connection, String tenantId, InsightsQuery query, TimeWindow window,
            boolean translations, OffsetDateTime now) throws SQLException {
        try (PreparedStatement statement = prepare(connection, "", tenantId, query, window, translations, now);
                ResultSet rows = statement.executeQuery()) {
            return page(rows, query.record().orgHost().isPresent());
        }
    }

    /**
     * The statement with its parameters bound; {@code prefix} goes before it ({@code EXPLAIN } for the plan check,
     * {@code LookupQueryPlanIT}).
     */
    public static PreparedStatement prepare(Connection connection, String prefix, String tenantId,
            InsightsQuery query, TimeWindow window, boolean translations, OffsetDateTime now) throws SQLException {
        CrmRecordKey record = query.record();
        boolean named = record.orgHost().isPresent();
        // (one common table only, with the joins in it: H2 loses the parameters of a common table that another
        // one reads)
        String ofRecord = " FROM crm_organization o JOIN crm_record r ON r.organization_id = o.id"
                + " JOIN insight i ON i.crm_record_id = r.id"
                + " WHERE o.tenant_id = ? AND o.crm_type = ?" + (named ? " AND o.host = ?" : "")
                + " AND r.record_type = ? AND r.record_id = ? AND i.hidden = FALSE"; // curators hid it: nobody reads it
        StringBuilder sql = new StringBuilder("WITH page AS (SELECT i.id, i.title, i.description, i.url,"
                + " i.occurred_at, i.pinned, i.priority, i.language" + ofRecord
                + " AND (i.visible_from IS NULL OR i.visible_from <= ?) AND (i.visible_until IS NULL"
                + " OR i.visible_until > ?)"
                + (window != null ? " AND i.occurred_at IS NOT NULL AND i.occurred_at >= ? AND i.occurred_at <= ?"
                        : "")
                + " ORDER BY i.pinned DESC, i.priority DESC, i.occurred_at DESC NULLS LAST, i.id DESC"
                + " LIMIT ? OFFSET ?)"
                + " SELECT 'I' AS kind, p.id AS insight, 0 AS pos, p.title AS text1, p.description AS text2,"
                + " p.url AS text3, p.language AS lang, p.occurred_at AS at, p.pinned AS pinned,"
                + " p.priority AS priority FROM page p"
                + " UNION ALL SELECT 'P', ip.insight_id, ip.prop_order, ip.prop_name, ip.prop_value, NULL, NULL, NULL,"
                + " NULL, NULL FROM insight_property ip JOIN page p ON p.id = ip.insight_id");
        if (translations) {
            sql.append(" UNION ALL SELECT 'T', t.insight_id, t.id, t.title, t.description, NULL, t.language, NULL,"
                    + " NULL, NULL FROM insight_translation t JOIN page p ON p.id = t.insight_id"
                    + " UNION ALL SELECT 'Q', t.insight_id, tp.prop_order, tp.prop_name, tp.prop_value, NULL,"
                    + " t.language, NULL, NULL, NULL FROM insight_translation_property tp"
                    + " JOIN insight_translation t ON t.id = tp.translation_id JOIN page p ON p.id = t.insight_id");
        }
        sql.append(" UNION ALL SELECT 'B', NULL, NULL, NULL, NULL, NULL, NULL, MIN(CASE WHEN i.visible_from > ?"
                + " THEN i.visible_from ELSE i.visible_until END), NULL, NULL" + ofRecord
                + " AND (i.visible_from > ? OR i.visible_until > ?)");
        if (named) {
            sql.append(" UNION ALL SELECT 'O', NULL, COUNT(*), NULL, NULL, NULL, NULL, NULL, NULL, NULL"
                    + " FROM crm_organization o WHERE o.tenant_id = ? AND o.crm_type = ? AND o.host = ?");
        }
        PreparedStatement statement = connection.prepareStatement(prefix + sql);
        try {
            int at = bindRecord(statement, 1, tenantId, record);
            statement.setObject(at++, now);
            statement.setObject(at++, now);
            if (window != null) {
                statement.setObject(at++, window.from());
                statement.setObject(at++, window.until());
            }
            statement.setInt(at++, query.page().top() + 1);
            statement.setInt(at++, query.page().skip());
            statement.setObject(at++, now);
            at = bindRecord(statement, at, tenantId, record);
            statement.setObject(at++, now);
            statement.setObject(at++, now);
            if (named) {
                statement.setString(at++, tenantId);
                statement.setString(at++, record.crmType().name());
                statement.setString(at, record.orgHost().get());
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    /** The record's parameters, from {@code at}; answers the next parameter's index. */
    private static int bindRecord(PreparedStatement statement, int at, String tenantId, CrmRecordKey record)
            throws SQLException {
        statement.setString(at++, tenantId);
        statement.setString(at++, record.crmType().name());
        if (record.orgHost().isPresent()) {
            statement.setString(at++, record.orgHost().get());
        }
        statement.setString(at++, record.recordType());
        statement.setString(at++, record.recordId());
        return at;
    }

    private static Page page(ResultSet rows, boolean named) throws SQLException {
        List<Row> page = new ArrayList<>();
        Map<Long, List<Positioned<Property>>> properties = new HashMap<>();
        Map<Long, List<Positioned<Words>>> translations = new HashMap<>();
        Map<String, List<Positioned<Property>>> translationProperties = new HashMap<>();
        OffsetDateTime nextChange = null;
        boolean owned = !named;
        while (rows.next()) {
            switch (rows.getString(1)) {
                case "I" -> page.add(new Row(rows.getLong(2), rows.getString(4), rows.getString(5),
                        rows.getString(6), rows.getObject(8, OffsetDateTime.class), rows.getBoolean(9),
                        rows.getInt(10), rows.getString(7)));
                case "P" -> properties.computeIfAbsent(rows.getLong(2), k -> new ArrayList<>())
                        .add(new Positioned<>(rows.getLong(3), new Property(rows.getString(4), rows.getString(5))));
                case "T" -> translations.computeIfAbsent(rows.getLong(2), k -> new ArrayList<>())
                        .add(new Positioned<>(rows.getLong(3), new Words(rows.getString(7), rows.getString(4),
                                rows.getString(5), List.of())));
                case "Q" -> translationProperties.computeIfAbsent(rows.getLong(2) + " " + rows.getString(7),
                        k -> new ArrayList<>())
                        .add(new Positioned<>(rows.getLong(3), new Property(rows.getString(4), rows.getString(5))));
                case "B" -> nextChange = rows.getObject(8, OffsetDateTime.class);
                case "O" -> owned = rows.getLong(3) > 0;
                default -> throw new IllegalStateException("unknown row kind " + rows.getString(1));
            }
        }
        page.sort(READ_ORDER);
        Map<Long, List<Property>> ordered = new HashMap<>();
        properties.forEach((id, list) -> ordered.put(id, inOrder(list)));
        Map<Long, List<Words>> words = new HashMap<>();
        translations.forEach((id, list) -> words.put(id, inOrder(list).stream()
                .map(w -> new Words(w.language(), w.title(), w.description(),
                        inOrder(translationProperties.getOrDefault(id + " " + w.language(), List.of()))))
                .toList()));
        return new Page(owned, List.copyOf(page), ordered, words, Optional.ofNullable(nextChange));
    }

    private record Positioned<T>(long position, T value) {
    }

    private static <T> List<T> inOrder(List<Positioned<T>> values) {
        return values.stream().sorted(Comparator.comparingLong(Positioned::position)).map(Positioned::value)
                .toList();
    }
}
