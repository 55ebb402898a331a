package org.salesinsights.insights.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A page of the records related to a CRM record, read as plain values (no managed entities): the page (one row more
 * than asked, which tells whether another page exists) in priority order, then newest first; their properties in
 * their order; and, when the caller named an organization, whether the caller's tenant owns it. Bound to the caller's
 * tenant like every read: only the organizations it owns are searched. The same SQL on H2 and PostgreSQL.
 */
public final class RelatedRecordsQuery {

    private RelatedRecordsQuery() {
    }

    /** A related record as stored. */
    public record Row(long id, String recordId, String recordType, String typeName, String typePluralName,
            String title, String url, String language) {
    }

    /**
     * What the database holds for the request.
     *
     * @param owned false when the caller named an organization its tenant does not own
     * @param rows the page, with one more than asked when another page exists
     * @param properties each row's name-value pairs in their order, by row id
     */
    public record Page(boolean owned, List<Row> rows, Map<Long, List<RecordPageQuery.Property>> properties) {
    }

    public static Page read(Connection connection, String tenantId, InsightsQuery query) throws SQLException {
        CrmRecordKey record = query.record();
        boolean named = record.orgHost().isPresent();
        if (named && !owned(connection, tenantId, record)) {
            return new Page(false, List.of(), Map.of());
        }
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT rr.id, rr.partner_record_id,"
                + " rr.record_type, rr.type_name, rr.type_plural_name, rr.title, rr.url, rr.language"
                + " FROM crm_organization o JOIN crm_record r ON r.organization_id = o.id"
                + " JOIN related_record rr ON rr.crm_record_id = r.id"
                + " WHERE o.tenant_id = ? AND o.crm_type = ?" + (named ? " AND o.host = ?" : "")
                + " AND r.record_type = ? AND r.record_id = ?"
                + " ORDER BY rr.priority DESC, rr.id DESC LIMIT ? OFFSET ?")) {
            int at = 1;
            statement.setString(at++, tenantId);
            statement.setString(at++, record.crmType().name());
            if (named) {
                statement.setString(at++, record.orgHost().get());
            }
            statement.setString(at++, record.recordType());
            statement.setString(at++, record.recordId());
            statement.setInt(at++, query.page().top() + 1);
            statement.setInt(at, query.page().skip());
            try (ResultSet found = statement.executeQuery()) {
                while (found.next()) {
                    rows.add(new Row(found.getLong(1), found.getString(2), found.getString(3), found.getString(4),
                            found.getString(5), found.getString(6), found.getString(7), found.getString(8)));
                }
            }
        }
        return new Page(true, List.copyOf(rows), properties(connection, rows));
    }

    private static boolean owned(Connection connection, String tenantId, CrmRecordKey record) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM crm_organization o"
                + " WHERE o.tenant_id = ? AND o.crm_type = ? AND o.host = ?")) {
            statement.setString(1, tenantId);
            statement.setString(2, record.crmType().name());
            statement.setString(3, record.orgHost().orElseThrow());
            try (ResultSet count = statement.executeQuery()) {
                return count.next() && count.getLong(1) > 0;
            }
        }
    }

    /** The page's properties in one statement (a page holds at most max-top + 1 rows). */
    private static Map<Long, List<RecordPageQuery.Property>> properties(Connection connection, List<Row> rows)
            throws SQLException {
        Map<Long, List<RecordPageQuery.Property>> properties = new HashMap<>();
        if (rows.isEmpty()) {
            return properties;
        }
        String marks = String.join(", ", java.util.Collections.nCopies(rows.size(), "?"));
        try (PreparedStatement statement = connection.prepareStatement("SELECT related_record_id, prop_name,"
                + " prop_value FROM related_record_property WHERE related_record_id IN (" + marks + ")"
                + " ORDER BY related_record_id, prop_order")) {
            for (int i = 0; i < rows.size(); i++) {
                statement.setLong(i + 1, rows.get(i).id());
            }
            try (ResultSet found = statement.executeQuery()) {
                while (found.next()) {
                    properties.computeIfAbsent(found.getLong(1), k -> new ArrayList<>())
                            .add(new RecordPageQuery.Property(found.getString(2), found.getString(3)));
                }
            }
        }
        return properties;
    }
}
