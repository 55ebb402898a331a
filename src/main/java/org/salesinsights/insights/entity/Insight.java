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
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A curated insight about one CRM record.
 *
 * <p>Curators read and write insights through this entity; the read actions read them as plain values in one
 * statement ({@code RecordPageQuery}), in the read order: pinned first, then higher priority, then newest time,
 * then the id as the unique tie-breaker, so that paging with top/skip visits every insight exactly once.
 */
@Entity
@Table(name = "insight")
@NamedQuery(name = Insight.FED, query = "SELECT i FROM Insight i WHERE i.feedOrganizationId = :organizationId"
        + " AND i.feedSource = :source AND i.feedExternalId = :externalId")
@NamedQuery(name = Insight.FED_ALL, query = "SELECT i FROM Insight i JOIN FETCH i.record WHERE i.feedOrganizationId = :organizationId"
        + " AND i.feedSource = :source AND i.feedExternalId IN :externalIds")
@NamedQuery(name = Insight.FED_IN_ORGANIZATION, query = "SELECT i FROM Insight i JOIN FETCH i.record"
        + " WHERE i.feedOrganizationId = :organizationId AND i.feedSource = :source")
@NamedQuery(name = Insight.FED_IN_RECORD, query = "SELECT i FROM Insight i JOIN FETCH i.record"
        + " WHERE i.feedOrganizationId = :organizationId AND i.feedSource = :source AND i.record = :record")
@NamedQuery(name = Insight.FEED_KEYS, query = "SELECT i.record.id, i.naturalKey FROM Insight i"
        + " WHERE i.record.id IN :recordIds AND i.naturalKey LIKE 'feed-%'")
@NamedQuery(name = Insight.OF_RECORD, query = "SELECT i FROM Insight i WHERE i.record = :record ORDER BY "
        + Insight.READ_ORDER)
@NamedQuery(name = Insight.COUNT_OF_RECORD, query = "SELECT COUNT(i) FROM Insight i WHERE i.record = :record")
@NamedQuery(name = Insight.ID_BY_KEY, query = "SELECT i.id FROM Insight i WHERE i.record = :record"
        + " AND i.naturalKey = :key")
@NamedQuery(name = Insight.FED_BY_EXTERNAL_IDS, query = "SELECT i FROM Insight i JOIN FETCH i.record"
        + " WHERE i.feedOrganizationId = :organizationId AND i.feedExternalId IN :externalIds")
@NamedQuery(name = Insight.EXPORT_ALL, query = "SELECT i FROM Insight i JOIN FETCH i.record r"
        + " JOIN FETCH r.organization o ORDER BY o.crmType, o.host, r.recordType, r.recordId, " + Insight.READ_ORDER)
@NamedQuery(name = Insight.EXPORT_OF_ORGANIZATION, query = "SELECT i FROM Insight i JOIN FETCH i.record r"
        + " JOIN FETCH r.organization o WHERE o.crmType = :crmType AND o.host = :host"
        + " ORDER BY o.crmType, o.host, r.recordType, r.recordId, " + Insight.READ_ORDER)
public class Insight {

    /** The insight a feed names by its organization, source and external id (unique: V5's uq_insight_feed). */
    public static final String FED = "Insight.fed";
    /** The insights a feed names by many external ids of one source within an organization. */
    public static final String FED_ALL = "Insight.fedAll";
    /** All of a source's insights within an organization: a snapshot of the organization. */
    public static final String FED_IN_ORGANIZATION = "Insight.fedInOrganization";
    /** All of a source's insights of one record: a snapshot of the record. */
    public static final String FED_IN_RECORD = "Insight.fedInRecord";
    /** The records' keys that a fed insight's generated key ({@code feed-} and its id) could meet. */
    public static final String FEED_KEYS = "Insight.feedKeys";

    /** The read order (see above), of insights {@code i}: how sellers and curators see a record's insights. */
    public static final String READ_ORDER = "i.pinned DESC, i.priority DESC, i.occurredAt DESC NULLS LAST, i.id DESC";
    /** A record's insights, in the read order. */
    public static final String OF_RECORD = "Insight.ofRecord";
    public static final String COUNT_OF_RECORD = "Insight.countOfRecord";
    /** The id of the record's insight with a key (unique within the record), if there is one. */
    public static final String ID_BY_KEY = "Insight.idByKey";
    /** An organization's fed insights with any of the external ids, of every source, with their records. */
    public static final String FED_BY_EXTERNAL_IDS = "Insight.fedByExternalIds";
    /** Every insight with its record and organization, organization by organization, record by record. */
    public static final String EXPORT_ALL = "Insight.exportAll";
    /** One organization's insights ({@code crmType}, {@code host}) with their records, record by record. */
    public static final String EXPORT_OF_ORGANIZATION = "Insight.exportOfOrganization";

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

    /** For a fed insight, the organization its source and external id are unique in; null for curated ones. */
    @Column(name = "feed_organization_id")
    private Long feedOrganizationId;

    /** The feed that owns its content (title, description, url, time, properties, validity); null: curated. */
    @Column(name = "feed_source", length = 64)
    private String feedSource;

    /** The feeder's own id for it, within its source and organization. */
    @Column(name = "feed_external_id", length = 200)
    private String feedExternalId;

    /** A curator's choice: sellers do not see it. A feed never changes it. */
    @Column(nullable = false)
    private boolean hidden;

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

    /**
     * Replaces what a feed owns: the content and its validity, never what curators own (pinned, priority, hidden).
     * The version moves on at commit.
     */
    public void feed(String title, String description, String url, OffsetDateTime occurredAt, String language,
            OffsetDateTime visibleFrom, OffsetDateTime visibleUntil, List<InsightProperty> properties, String by,
            OffsetDateTime at) {
        change(title, description, url, occurredAt, pinned, priority, language, visibleFrom, visibleUntil, properties,
                by, at);
    }

    /** Marks the insight as the feed's: its source and external id, unique within the organization. */
    public void fedAs(long organizationId, String source, String externalId) {
        this.feedOrganizationId = organizationId;
        this.feedSource = source;
        this.feedExternalId = externalId;
    }

    /** The feed names it for another record now (the feeder's record is the truth). */
    public void moveTo(CrmRecord record) {
        this.record = record;
    }

    /** A curator hides it from sellers, or shows it again. */
    public void hide(boolean hidden, String by, OffsetDateTime at) {
        this.hidden = hidden;
        touched(by, at);
    }

    public boolean isHidden() {
        return hidden;
    }

    public String getFeedSource() {
        return feedSource;
    }

    public String getFeedExternalId() {
        return feedExternalId;
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
