package org.salesinsights.insights.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A CRM record (account, opportunity, lead, contact) of one organization, the key the Sales app asks by. */
@Entity
@Table(name = "crm_record")
@NamedQuery(name = CrmRecord.FIND, query = "SELECT r FROM CrmRecord r WHERE r.organization = :organization"
        + " AND r.recordType = :recordType AND r.recordId = :recordId")
@NamedQuery(name = CrmRecord.FIND_ALL, query = "SELECT r FROM CrmRecord r WHERE r.organization = :organization"
        + " AND r.recordType = :recordType AND r.recordId IN :recordIds")
/* The curators' list: each record with its insights' count (org.salesinsights.curation.control.CountedRecord). */
@NamedQuery(name = CrmRecord.COUNTED_OF_ORGANIZATION, query = "SELECT NEW"
        + " org.salesinsights.curation.control.CountedRecord(r, COUNT(i)) FROM CrmRecord r"
        + " LEFT JOIN Insight i ON i.record = r WHERE r.organization = :organization GROUP BY r"
        + " ORDER BY r.recordType, r.recordId")
public class CrmRecord {

    public static final String FIND = "CrmRecord.find";
    /** The organization's records of one type and any of the ids, for many at once (uq_crm_record's order). */
    public static final String FIND_ALL = "CrmRecord.findAll";
    /** The organization's records, each with the number of its insights, by type and id. */
    public static final String COUNTED_OF_ORGANIZATION = "CrmRecord.countedOfOrganization";

    @Id
    @SequenceGenerator(name = "crm_record_seq", sequenceName = "crm_record_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "crm_record_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "organization_id", nullable = false)
    private CrmOrganization organization;

    /** Lower case: {@code account}, {@code opportunity}, {@code lead}, {@code contact}. */
    @Column(name = "record_type", nullable = false, length = 64)
    private String recordType;

    /** Normalized: a lower-case GUID without braces, or the 18-character Salesforce id. */
    @Column(name = "record_id", nullable = false, length = 64)
    private String recordId;

    @Column(name = "display_name", length = 200)
    private String displayName;

    protected CrmRecord() {
    }

    public CrmRecord(CrmOrganization organization, String recordType, String recordId, String displayName) {
        this.organization = organization;
        this.recordType = recordType;
        this.recordId = recordId;
        this.displayName = displayName;
    }

    public Long getId() {
        return id;
    }

    public CrmOrganization getOrganization() {
        return organization;
    }

    public String getRecordType() {
        return recordType;
    }

    public String getRecordId() {
        return recordId;
    }

    public String getDisplayName() {
        return displayName;
    }
}
