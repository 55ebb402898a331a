package org.salesinsights.curation.entity;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * Who changed which insight, when, and to what: one row per create, update, reorder or delete, kept after the
 * insight is gone (no foreign key).
 */
@Entity
@Table(name = "insight_change")
/*
 * In the order the insight changed: by its version, then by time (a deletion keeps the last version). Not by id: ids
 * come in blocks, and two servers, or EclipseLink and a feed's rows (SequenceIds), each hand out a block of their own,
 * so a later change can have a lower id.
 */
@NamedQuery(name = InsightChange.OF_INSIGHT, query = "SELECT c FROM InsightChange c WHERE c.insightId = :insightId"
        + " ORDER BY c.insightVersion, c.changedAt, c.id")
public class InsightChange {

    public static final String OF_INSIGHT = "InsightChange.ofInsight";
    /** The column's size (V3): an insight with every field, property and translation at its limit fits many times. */
    public static final int MAX_CONTENT = 1_000_000;

    public enum Action { CREATED, UPDATED, REORDERED, DELETED }

    @Id
    @SequenceGenerator(name = "insight_change_seq", sequenceName = "insight_change_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "insight_change_seq")
    private Long id;

    @Column(name = "insight_id", nullable = false)
    private long insightId;

    @Column(name = "crm_record_id", nullable = false)
    private long recordId;

    @Column(nullable = false, length = 16)
    @Enumerated(EnumType.STRING)
    private Action action;

    @Column(name = "insight_version", nullable = false)
    private long insightVersion;

    @Column(name = "changed_by", nullable = false, length = 200)
    private String changedBy;

    @Column(name = "changed_at", nullable = false)
    private OffsetDateTime changedAt;

    /**
     * The insight as it was after the change (JSON). Never cut: a snapshot beyond {@link #MAX_CONTENT} characters is
     * replaced by a JSON object that says so, so the history always holds valid JSON.
     */
    @Column(length = MAX_CONTENT)
    private String content;

    protected InsightChange() {
    }

    public InsightChange(long insightId, long recordId, Action action, long insightVersion, String changedBy,
            OffsetDateTime changedAt, String content) {
        this.insightId = insightId;
        this.recordId = recordId;
        this.action = action;
        this.insightVersion = insightVersion;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
        this.content = content(content);
    }

    /** The snapshot as the history keeps it: whole, or past {@link #MAX_CONTENT} a JSON object that says so. */
    public static String content(String snapshot) {
        return snapshot == null || snapshot.length() <= MAX_CONTENT ? snapshot
                : "{\"omitted\": \"the insight's snapshot of " + snapshot.length() + " characters is over the"
                        + " history's limit of " + MAX_CONTENT + "\"}";
    }

    public Action getAction() {
        return action;
    }

    public long getInsightVersion() {
        return insightVersion;
    }

    public String getChangedBy() {
        return changedBy;
    }

    public OffsetDateTime getChangedAt() {
        return changedAt;
    }

    public String getContent() {
        return content;
    }
}
