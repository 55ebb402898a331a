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
 * A record of the partner's own (a contract, a quote, a support case) related to one CRM record: what the Sales app's
 * CRM record details card lists. Curators read and write it through this entity; the read action reads it as plain
 * values ({@code RelatedRecordsQuery}), in priority order, then newest first. A fed one names its source: the feed
 * owns its content, curators its priority.
 */
@Entity
@Table(name = "related_record")
@NamedQuery(name = RelatedRecord.OF_RECORD, query = "SELECT r FROM RelatedRecord r WHERE r.record = :record"
        + " ORDER BY r.priority DESC, r.id DESC")
@NamedQuery(name = RelatedRecord.BY_PARTNER_ID, query = "SELECT r FROM RelatedRecord r WHERE r.record = :record"
        + " AND r.partnerRecordId = :partnerRecordId")
@NamedQuery(name = RelatedRecord.EXPORT_ALL, query = "SELECT r FROM RelatedRecord r JOIN FETCH r.record c"
        + " JOIN FETCH c.organization o" + RelatedRecord.EXPORT_ORDER)
@NamedQuery(name = RelatedRecord.EXPORT_OF_ORGANIZATION, query = "SELECT r FROM RelatedRecord r JOIN FETCH r.record c"
        + " JOIN FETCH c.organization o WHERE o.crmType = :crmType AND o.host = :host" + RelatedRecord.EXPORT_ORDER)
public class RelatedRecord {

    public static final String OF_RECORD = "RelatedRecord.ofRecord";
    public static final String BY_PARTNER_ID = "RelatedRecord.byPartnerId";
    /** Every related record, with its CRM record and organization, in a file's order. */
    public static final String EXPORT_ALL = "RelatedRecord.exportAll";
    /** The related records of one organization's CRM records ({@code crmType}, {@code host}), in a file's order. */
    public static final String EXPORT_OF_ORGANIZATION = "RelatedRecord.exportOfOrganization";
    /** By organization and CRM record, then as the card reads them (priority first, then newest first). */
    static final String EXPORT_ORDER = " ORDER BY o.crmType, o.host, c.recordType, c.recordId, r.priority DESC,"
            + " r.id DESC";

    @Id
    @SequenceGenerator(name = "related_record_seq", sequenceName = "related_record_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "related_record_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "crm_record_id", nullable = false)
    private CrmRecord record;

    /** The partner's own id of the record (the answer's recordId), unique within its CRM record. */
    @Column(name = "partner_record_id", nullable = false, length = 200)
    private String partnerRecordId;

    /** The system name of its type, such as contract. */
    @Column(name = "record_type", nullable = false, length = 64)
    private String recordType;

    @Column(name = "type_name", nullable = false, length = 100)
    private String typeDisplayName;

    @Column(name = "type_plural_name", nullable = false, length = 100)
    private String typePluralDisplayName;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(length = 2048)
    private String url;

    /** The language its display names, title and properties are written in (BCP 47). */
    @Column(length = 35)
    private String language;

    @Column(nullable = false)
    private int priority;

    @Version
    private long version;

    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    @Column(name = "updated_by", length = 200)
    private String updatedBy;

    /** The source of the application that feeds it (docs/feeds.md); null for a curator's. */
    @Column(name = "feed_source", length = 64)
    private String feedSource;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "related_record_property", joinColumns = @JoinColumn(name = "related_record_id"))
    @OrderColumn(name = "prop_order")
    private List<InsightProperty> properties = new ArrayList<>();

    protected RelatedRecord() {
    }

    public RelatedRecord(CrmRecord record) {
        this.record = record;
    }

    /** Replaces what a curator edits; the version moves on at commit. */
    public void change(String partnerRecordId, String recordType, String typeDisplayName,
            String typePluralDisplayName, String title, String url, String language, int priority,
            List<InsightProperty> properties, String by, OffsetDateTime at) {
        this.partnerRecordId = partnerRecordId;
        this.recordType = recordType;
        this.typeDisplayName = typeDisplayName;
        this.typePluralDisplayName = typePluralDisplayName;
        this.title = title;
        this.url = url;
        this.language = language;
        this.priority = priority;
        this.properties.clear();
        this.properties.addAll(properties);
        this.updatedBy = by;
        this.updatedAt = at;
    }

    /** Marks it as fed by the source, whose feeds own its content from now on (its priority stays the curators'). */
    public void setFeedSource(String feedSource) {
        this.feedSource = feedSource;
    }

    public Long getId() {
        return id;
    }

    public CrmRecord getRecord() {
        return record;
    }

    public String getPartnerRecordId() {
        return partnerRecordId;
    }

    public String getRecordType() {
        return recordType;
    }

    public String getTypeDisplayName() {
        return typeDisplayName;
    }

    public String getTypePluralDisplayName() {
        return typePluralDisplayName;
    }

    public String getTitle() {
        return title;
    }

    public String getUrl() {
        return url;
    }

    public String getLanguage() {
        return language;
    }

    public int getPriority() {
        return priority;
    }

    public long getVersion() {
        return version;
    }

    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public String getFeedSource() {
        return feedSource;
    }

    public List<InsightProperty> getProperties() {
        return properties;
    }
}
