package org.salesinsights.insights.entity;

import java.util.Locale;
import java.util.Optional;

/** The CRM systems the Sales app connects to. */
public enum CrmType {
    DYNAMICS_365("Dynamics 365"),
    SALESFORCE("Salesforce");

    private final String label;

    CrmType(String label) {
        this.label = label;
    }

    /** The name the Sales app and people use: {@code Dynamics 365}, {@code Salesforce}. */
    public String label() {
        return label;
    }

    /** Accepts the names the docs, Microsoft's sample and certified connectors use, in any case, spaced or not. */
    public static Optional<CrmType> ofName(String name) {
        return switch (name.toLowerCase(Locale.ROOT).replace(" ", "")) {
            case "dynamics365" -> Optional.of(DYNAMICS_365);
            case "salesforce" -> Optional.of(SALESFORCE);
            default -> Optional.empty();
        };
    }
}
