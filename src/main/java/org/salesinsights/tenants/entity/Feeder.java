package org.salesinsights.tenants.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * An application allowed to feed insights into a tenant's organizations: its Entra app id ({@code azp}/{@code appid}
 * of its app-only tokens) and the name the insights' history shows for it.
 */
@Embeddable
public class Feeder {

    /** A lower-case GUID. */
    @Column(name = "app_id", nullable = false, length = 36)
    private String appId;

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    protected Feeder() {
    }

    public Feeder(String appId, String name) {
        this.appId = appId;
        this.name = name;
    }

    public String getAppId() {
        return appId;
    }

    public String getName() {
        return name;
    }
}
