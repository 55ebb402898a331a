package org.salesinsights.feeds.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

import org.salesinsights.curation.control.InsightDocument;

/**
 * Writes the insights a feed makes as rows, in JDBC batches: all the insights, then all their properties. Through the
 * entity, EclipseLink writes each insight's properties right after it, so no two statements in a row are alike and
 * batch writing sends each row alone: five thousand round trips for a batch of a thousand insights, most of its time.
 * The rows are those the {@code Insight} entity writes (V1 and V5's columns), and every test that reads a fed insight
 * back through the curators' API (its entity) checks that they agree.
 */
public final class FeedRows {

    /** Rows a statement's batch holds; with PostgreSQL's reWriteBatchedInserts, rows of one multi-row INSERT. */
    static final int BATCH = 500;

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
