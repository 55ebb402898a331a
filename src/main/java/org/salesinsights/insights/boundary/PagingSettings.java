package org.salesinsights.insights.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.salesinsights.insights.control.InsightsQueryParser;
import org.salesinsights.insights.control.PagingLimits;

/** The deployer's paging limits (MicroProfile Config, so also environment variables) and the parser using them. */
@ApplicationScoped
public class PagingSettings {

    private InsightsQueryParser parser;

    protected PagingSettings() {
        // for the CDI proxy
    }

    @Inject
    public PagingSettings(
            @ConfigProperty(name = "insights.paging.default-top", defaultValue = "5") int defaultTop,
            @ConfigProperty(name = "insights.paging.max-top", defaultValue = "50") int maxTop) {
        this.parser = new InsightsQueryParser(new PagingLimits(defaultTop, maxTop));
    }

    public InsightsQueryParser parser() {
        return parser;
    }
}
