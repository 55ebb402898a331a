package org.salesinsights.feeds.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.salesinsights.curation.control.InsightDocument;
import org.salesinsights.platform.database.Databases;

/**
 * Writes the insights a feed makes as rows: all the insights, then all their properties, each table in one statement of
 * arrays on PostgreSQL and in JDBC batches elsewhere. Through the
 * entity, EclipseLink writes each insight's properties right after it, so no two statements in a row are alike and
 * batch writing sends each row alone: five thousand round trips for a batch of a thousand insights, most of its time.
 * The rows are those the {@code Insight} entity writes (V1 and V5's columns), and every test that reads a fed insight
 * back through the curators' API (its entity) checks that they agree.
 */
public final class FeedRows {

    /** Rows a statement's batch holds; with PostgreSQL's reWriteBatchedInserts, rows of one multi-row INSERT. */
    static final int BATCH = 500;
    /** Insights a statement of arrays writes on PostgreSQL (a snapshot's ten thousand in ten). */
    static final int ARRAY_ROWS = 1000;

    private FeedRows() {
    }

    /**
     * An insight a feed makes: its id from the entity's sequence (SequenceIds), its record, the key within the record, its name
     * and content; a new insight is version 1, unpinned, of priority 0 and not hidden.
     */
    public record NewInsight(long id, long recordId, String key, long organizationId, FeedName name,
            InsightDocument content, String by, OffsetDateTime at) {

        public NewInsight {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(content, "content");
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(at, "at");
        }
    }

    /** Inserts the insights and their properties on the connection of the caller's transaction. */
    public static void insert(Connection db, List<NewInsight> insights) throws SQLException {
        if (Databases.isPostgreSQL(db)) {
            for (int from = 0; from < insights.size(); from += ARRAY_ROWS) {
                insertAsArrays(db, insights.subList(from, Math.min(insights.size(), from + ARRAY_ROWS)));
            }
        } else {
            insertInBatches(db, insights);
        }
    }

    /**
     * On PostgreSQL, each table's rows in one statement that takes every column as an array and unnests them: one
     * statement parsed and planned, the values sent as they are. Batched INSERTs, even rewritten by the driver into
     * multi-row ones, bind fifteen parameters a row: a fifth more time for a thousand insights and their properties.
     */
    private static void insertAsArrays(Connection db, List<NewInsight> insights) throws SQLException {
        int n = insights.size();
        Long[] ids = new Long[n];
        Long[] records = new Long[n];
        Long[] organizations = new Long[n];
        String[][] texts = new String[12][n];
        List<Long> propertyIds = new ArrayList<>();
        List<Integer> propertyOrders = new ArrayList<>();
        List<String> propertyNames = new ArrayList<>();
        List<String> propertyValues = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            NewInsight made = insights.get(i);
            InsightDocument content = made.content();
            ids[i] = made.id();
            records[i] = made.recordId();
            organizations[i] = made.organizationId();
            String[] row = {content.title(), content.description(), content.url(), text(content.dateTime()),
                content.language(), made.key(), text(content.visibleFrom()), text(content.visibleUntil()),
                text(made.at()), made.by(), made.name().source(), made.name().externalId()};
            for (int column = 0; column < row.length; column++) {
                texts[column][i] = row[column];
            }
            List<InsightDocument.Property> properties = content.additionalProperties();
            for (int order = 0; order < properties.size(); order++) {
                propertyIds.add(made.id());
                propertyOrders.add(order);
                propertyNames.add(properties.get(order).name());
                propertyValues.add(properties.get(order).value());
            }
        }
        try (PreparedStatement insight = db.prepareStatement("INSERT INTO insight (id, crm_record_id, title,"
                + " description, url, occurred_at, pinned, priority, language, version, natural_key, visible_from,"
                + " visible_until, updated_at, updated_by, feed_organization_id, feed_source, feed_external_id, hidden)"
                + " SELECT r.id, r.record, r.title, r.description, r.url, CAST(r.occurred AS TIMESTAMPTZ), FALSE, 0,"
                + " r.language, 1, r.natural_key, CAST(r.visible_from AS TIMESTAMPTZ),"
                + " CAST(r.visible_until AS TIMESTAMPTZ), CAST(r.updated_at AS TIMESTAMPTZ), r.updated_by,"
                + " r.organization, r.source, r.external_id, FALSE"
                + " FROM unnest(?::int8[], ?::int8[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
                + " ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int8[], ?::text[], ?::text[])"
                + " AS r (id, record, title, description, url, occurred, language, natural_key, visible_from,"
                + " visible_until, updated_at, updated_by, organization, source, external_id)")) {
            insight.setArray(1, db.createArrayOf("int8", ids));
            insight.setArray(2, db.createArrayOf("int8", records));
            for (int column = 0; column < 10; column++) {
                insight.setArray(3 + column, db.createArrayOf("text", texts[column]));
            }
            insight.setArray(13, db.createArrayOf("int8", organizations));
            insight.setArray(14, db.createArrayOf("text", texts[10]));
            insight.setArray(15, db.createArrayOf("text", texts[11]));
            insight.executeUpdate();
        }
        if (propertyIds.isEmpty()) {
            return;
        }
        try (PreparedStatement property = db.prepareStatement("INSERT INTO insight_property (insight_id, prop_order,"
                + " prop_name, prop_value) SELECT * FROM unnest(?::int8[], ?::int4[], ?::text[], ?::text[])")) {
            property.setArray(1, db.createArrayOf("int8", propertyIds.toArray()));
            property.setArray(2, db.createArrayOf("int4", propertyOrders.toArray()));
            property.setArray(3, db.createArrayOf("text", propertyNames.toArray()));
            property.setArray(4, db.createArrayOf("text", propertyValues.toArray()));
            property.executeUpdate();
        }
    }

    /** A time as PostgreSQL reads a timestamp with its time zone; null stays null. */
    private static String text(OffsetDateTime time) {
        return time == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }

    private static void insertInBatches(Connection db, List<NewInsight> insights) throws SQLException {
        try (PreparedStatement insight = db.prepareStatement("INSERT INTO insight (id, crm_record_id, title,"
                + " description, url, occurred_at, pinned, priority, language, version, natural_key, visible_from,"
                + " visible_until, updated_at, updated_by, feed_organization_id, feed_source, feed_external_id, hidden)"
                + " VALUES (?, ?, ?, ?, ?, ?, FALSE, 0, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, FALSE)")) {
            int rows = 0;
            for (NewInsight made : insights) {
                InsightDocument content = made.content();
                insight.setLong(1, made.id());
                insight.setLong(2, made.recordId());
                insight.setString(3, content.title());
                insight.setString(4, content.description());
                insight.setString(5, content.url());
                time(insight, 6, content.dateTime());
                insight.setString(7, content.language());
                insight.setString(8, made.key());
                time(insight, 9, content.visibleFrom());
                time(insight, 10, content.visibleUntil());
                time(insight, 11, made.at());
                insight.setString(12, made.by());
                insight.setLong(13, made.organizationId());
                insight.setString(14, made.name().source());
                insight.setString(15, made.name().externalId());
                insight.addBatch();
                if (++rows % BATCH == 0) {
                    insight.executeBatch();
                }
            }
            insight.executeBatch();
        }
        try (PreparedStatement property = db.prepareStatement("INSERT INTO insight_property (insight_id, prop_order,"
                + " prop_name, prop_value) VALUES (?, ?, ?, ?)")) {
            int rows = 0;
            for (NewInsight made : insights) {
                List<InsightDocument.Property> properties = made.content().additionalProperties();
                for (int order = 0; order < properties.size(); order++) {
                    property.setLong(1, made.id());
                    property.setInt(2, order);
                    property.setString(3, properties.get(order).name());
                    property.setString(4, properties.get(order).value());
                    property.addBatch();
                    if (++rows % BATCH == 0) {
                        property.executeBatch();
                    }
                }
            }
            property.executeBatch();
        }
    }

    private static void time(PreparedStatement statement, int index, OffsetDateTime time) throws SQLException {
        if (time == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, time);
        }
    }
}
