package org.salesinsights.insights.boundary;

import java.util.List;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer of the Key sales info action: one page of insights and whether more follow. */
@Schema(name = "OpportunityInsights", requiredProperties = "value")
@JsonbPropertyOrder({"value", "hasMoreResults"})
public record OpportunityInsightsPage(
        @Schema(extensions = @Extension(name = "x-ms-summary", value = "Insights"),
                description = "A list of insights.", type = SchemaType.ARRAY, implementation = OpportunityInsight.class)
        List<OpportunityInsight> value,
        @Schema(extensions = @Extension(name = "x-ms-summary", value = "Has more results"),
                description = "A value that indicates whether more results are available.")
        boolean hasMoreResults) {

    public OpportunityInsightsPage {
        value = List.copyOf(value);
    }
}
