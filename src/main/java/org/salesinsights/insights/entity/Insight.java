package org.salesinsights.insights.entity;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.QueryHint;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A curated insight about one CRM record.
 *
 * <p>The read order is pinned first, then higher priority, then newest time, then the id as the unique
 * tie-breaker, so that paging with top/skip visits every insight exactly once. The properties are read in
 * one batch per page (EclipseLink hints; other providers ignore them) instead of one query per insight.
 */
@Entity
@Table(name = "insight")
@NamedQueries({
    @NamedQuery(name = Insight.FIND_FOR_RECORD,
            query = Insight.OF_RECORD + Insight.READ_ORDER,
            hints = {
                @QueryHint(name = "eclipselink.batch.type", value = "IN"),
                @QueryHint(name = "eclipselink.batch", value = "i.properties"),
                @QueryHint(name = "eclipselink.read-only", value = "true")
            }),
    @NamedQuery(name = Insight.FIND_FOR_RECORD_IN_ORGANIZATION,
            query = Insight.OF_RECORD + " AND o.host = :host" + Insight.READ_ORDER,
            hints = {
                @QueryHint(name = "eclipselink.batch.type", value = "IN"),
                @QueryHint(name = "eclipselink.batch", value = "i.properties"),
                @QueryHint(name = "eclipselink.read-only", value = "true")
            }),
    @NamedQuery(name = Insight.FIND_DATED_FOR_RECORD,
            query = Insight.OF_RECORD + Insight.DATED + Insight.READ_ORDER,
            hints = {
                @QueryHint(name = "eclipselink.batch.type", value = "IN"),
                @QueryHint(name = "eclipselink.batch", value = "i.properties"),
                @QueryHint(name = "eclipselink.read-only", value = "true")
            }),
    @NamedQuery(name = Insight.FIND_DATED_FOR_RECORD_IN_ORGANIZATION,
            query = Insight.OF_RECORD + " AND o.host = :host" + Insight.DATED + Insight.READ_ORDER,
            hints = {
                @QueryHint(name = "eclipselink.batch.type", value = "IN"),
                @QueryHint(name = "eclipselink.batch", value = "i.properties"),
                @QueryHint(name = "eclipselink.read-only", value = "true")
            })
})
public class Insight {

    public static final String FIND_FOR_RECORD = "Insight.findForRecord";
    static final String OF_RECORD = "SELECT i FROM Insight i JOIN i.record r JOIN r.organization o"
            + " WHERE o.tenant.id = :tenantId AND o.crmType = :crmType AND r.recordType = :recordType"
            + " AND r.recordId = :recordId"
            + " AND (i.visibleFrom IS NULL OR i.visibleFrom <= :now)"
            + " AND (i.visibleUntil IS NULL OR i.visibleUntil > :now)";
    /** Pinned, then priority, then newest, then the id: a total order, so pages never overlap or skip. */
    static final String READ_ORDER = " ORDER BY i.pinned DESC, i.priority DESC, i.occurredAt DESC NULLS LAST, i.id DESC";
    public static final String FIND_FOR_RECORD_IN_ORGANIZATION = "Insight.findForRecordInOrganization";
    /** The record summary's: only insights with a time, within the window asked for (both ends inclusive). */
    public static final String FIND_DATED_FOR_RECORD = "Insight.findDatedForRecord";
    public static final String FIND_DATED_FOR_RECORD_IN_ORGANIZATION = "Insight.findDatedForRecordInOrganization";
    static final String DATED = " AND i.occurredAt IS NOT NULL AND i.occurredAt >= :from AND i.occurredAt <= :until";

    @Id
    @SequenceGenerator(name = "insight_seq", sequenceName = "insight_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "insight_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "crm_record_id", nullable = false)
    private CrmRecord record;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(nullable = false, length = 1000)
    private String description;

    @Column(length = 2048)
    private String url;

    /** When the insight happened, stored in UTC. */
    @Column(name = "occurred_at")
    private OffsetDateTime occurredAt;

    @Column(nullable = false)
    private boolean pinned;

    @Column(nullable = false)
    private int priority;

    /** The language the insight is written in (BCP 47), the fallback for translations. */
    @Column(length = 35)
    private String language;

    @Version
    private long version;

    /**
     * The curators' own name for the insight, unique within its record: what a bulk import matches on, so that
     * importing a file twice changes the same insights instead of adding them again.
     */
    @Column(name = "natural_key", length = 100)
    private String naturalKey;

    /** From when sellers see it (inclusive, UTC); none: from the start. */
    @Column(name = "visible_from")
    private OffsetDateTime visibleFrom;

    /** Until when sellers see it (exclusive, UTC); none: for good. */
    @Column(name = "visible_until")
    private OffsetDateTime visibleUntil;

    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    /** The curator who changed it last: their Entra object id. */
    @Column(name = "updated_by", length = 200)
    private String updatedBy;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "insight_property", joinColumns = @JoinColumn(name = "insight_id"))
    @OrderColumn(name = "prop_order")
    private List<InsightProperty> properties = new ArrayList<>();

    protected Insight() {
    }

    public Insight(CrmRecord record) {
        this.record = record;
    }

    /** Replaces what a curator edits; the version moves on at commit. */
    public void change(String title, String description, String url, OffsetDateTime occurredAt, boolean pinned,
            int priority, String language, OffsetDateTime visibleFrom, OffsetDateTime visibleUntil,
            List<InsightProperty> properties, String by, OffsetDateTime at) {
        this.title = title;
        this.description = description;
        this.url = url;
        this.occurredAt = occurredAt;
        this.pinned = pinned;
        this.priority = priority;
        this.language = language;
        this.visibleFrom = visibleFrom;
        this.visibleUntil = visibleUntil;
        this.properties.clear();
        this.properties.addAll(properties);
        touched(by, at);
    }

    /** Names the insight, as the curator chose or as made for it. */
    public void rekey(String key) {
        this.naturalKey = key;
    }

    public String getKey() {
        return naturalKey;
    }

    public void reprioritize(int priority, String by, OffsetDateTime at) {
        this.priority = priority;
        touched(by, at);
    }

    /** Marks a change made around the insight (a translation): who and when, and a new version at commit. */
    public void touch(String by, OffsetDateTime at) {
        touched(by, at);
    }

    private void touched(String by, OffsetDateTime at) {
        this.updatedBy = by;
        this.updatedAt = at;
    }

    public OffsetDateTime getVisibleFrom() {
        return visibleFrom;
    }

    public OffsetDateTime getVisibleUntil() {
        return visibleUntil;
    }

    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public Long getId() {
        return id;
    }

    public CrmRecord getRecord() {
        return record;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public String getUrl() {
        return url;
    }

    public OffsetDateTime getOccurredAt() {
        return occurredAt;
    }

    public boolean isPinned() {
        return pinned;
    }

    public int getPriority() {
        return priority;
    }

    public String getLanguage() {
        return language;
    }

    public long getVersion() {
        return version;
    }

    public List<InsightProperty> getProperties() {
        return properties;
    }
}
