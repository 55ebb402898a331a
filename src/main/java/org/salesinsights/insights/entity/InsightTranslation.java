package org.salesinsights.insights.entity;

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
import jakarta.persistence.QueryHint;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * An insight in another language: its title, description and properties (names and values), in the same order as
 * the insight's own. Sellers get it when their Accept-Language asks for its language.
 */
@Entity
@Table(name = "insight_translation")
@NamedQuery(name = InsightTranslation.OF_INSIGHTS,
        query = "SELECT t FROM InsightTranslation t WHERE t.insight.id IN :insightIds",
        hints = {
            @QueryHint(name = "eclipselink.batch.type", value = "IN"),
            @QueryHint(name = "eclipselink.batch", value = "t.properties"),
            @QueryHint(name = "eclipselink.read-only", value = "true")
        })
@NamedQuery(name = InsightTranslation.OF_INSIGHT,
        query = "SELECT t FROM InsightTranslation t WHERE t.insight = :insight ORDER BY t.language")
public class InsightTranslation {

    public static final String OF_INSIGHTS = "InsightTranslation.ofInsights";
    public static final String OF_INSIGHT = "InsightTranslation.ofInsight";

    @Id
    @SequenceGenerator(name = "insight_translation_seq", sequenceName = "insight_translation_seq",
            allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "insight_translation_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "insight_id", nullable = false)
    private Insight insight;

    /** A language tag as curators wrote it (BCP 47), such as {@code de} or {@code fr-CA}. */
    @Column(nullable = false, length = 35)
    private String language;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(nullable = false, length = 1000)
    private String description;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "insight_translation_property", joinColumns = @JoinColumn(name = "translation_id"))
    @OrderColumn(name = "prop_order")
    private List<InsightProperty> properties = new ArrayList<>();

    protected InsightTranslation() {
    }

    public InsightTranslation(Insight insight, String language) {
        this.insight = insight;
        this.language = language;
    }

    public void change(String title, String description, List<InsightProperty> properties) {
        this.title = title;
        this.description = description;
        this.properties.clear();
        this.properties.addAll(properties);
    }

    public Long getInsightId() {
        return insight.getId();
    }

    public String getLanguage() {
        return language;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public List<InsightProperty> getProperties() {
        return properties;
    }
}
