package org.salesinsights.tenants.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A customer's Microsoft Entra ID tenant that may call the API. Its users see the insights of the CRM
 * organizations it owns, and nothing else.
 */
@Entity
@Table(name = "tenant")
@NamedQuery(name = Tenant.ALL_IDS, query = "SELECT t.id FROM Tenant t")
@NamedQuery(name = Tenant.ALL, query = "SELECT t FROM Tenant t ORDER BY t.displayName, t.id")
public class Tenant {

    public static final String ALL_IDS = "Tenant.allIds";
    public static final String ALL = "Tenant.all";

    /** The tenant id ({@code tid} of its tokens): a lower-case GUID. */
    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Version
    private long version;

    /** The applications allowed to feed insights into its organizations, in the order the registry lists them. */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "tenant_feeder", joinColumns = @JoinColumn(name = "tenant_id"))
    @OrderColumn(name = "feeder_order")
    private List<Feeder> feeders = new ArrayList<>();

    protected Tenant() {
    }

    public Tenant(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    public String getId() {
        return id;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public long getVersion() {
        return version;
    }

    public List<Feeder> getFeeders() {
        return feeders;
    }

    /** The feeder of this app id, if the tenant lists it. */
    public Optional<Feeder> feeder(String appId) {
        return feeders.stream().filter(feeder -> feeder.getAppId().equals(appId)).findFirst();
    }

    /** Lists exactly these applications as its feeders. */
    public void setFeeders(List<Feeder> feeders) {
        this.feeders.clear();
        this.feeders.addAll(feeders);
    }
}
