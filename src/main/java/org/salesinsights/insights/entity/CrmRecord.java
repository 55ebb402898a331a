package org.salesinsights.insights.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A CRM record (account, opportunity, lead, contact) of one organization, the key the Sales app asks by. */
@Entity
@Table(name = "crm_record")
public class CrmRecord {

    @Id
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
