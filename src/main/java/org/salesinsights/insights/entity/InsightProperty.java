package org.salesinsights.insights.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One name-value pair of an insight's citation card; the list position is the curated order. */
@Embeddable
public class InsightProperty {

    @Column(name = "prop_name", nullable = false, length = 100)
    private String name;

    @Column(name = "prop_value", nullable = false, length = 500)
    private String value;

    protected InsightProperty() {
    }

    public InsightProperty(String name, String value) {
        this.name = name;
        this.value = value;
    }

    public String getName() {
        return name;
    }

    public String getValue() {
        return value;
    }
}
