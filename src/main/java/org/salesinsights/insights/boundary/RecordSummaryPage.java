package org.salesinsights.insights.boundary;

import java.util.List;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer of the record summary action: one page of dated insights and whether more follow. */
@Schema(name = "RecordSummaryInsights", requiredProperties = "value")
@JsonbPropertyOrder({"value", "hasMoreResults"})
public record RecordSummaryPage(
        @Schema(extensions = @Extension(name = "x-ms-summary", value = "Insights"),
                description = "A list of insights.", type = SchemaType.ARRAY,
                implementation = RecordSummaryInsight.class)
        List<RecordSummaryInsight> value,
        @Schema(extensions = @Extension(name = "x-ms-summary", value = "Has more results"),
                description = "A value that indicates whether more results are available.")
        boolean hasMoreResults) {

    public RecordSummaryPage {
        value = List.copyOf(value);
    }

    static RecordSummaryPage of(OpportunityInsightsPage page) {
        return new RecordSummaryPage(page.value().stream().map(RecordSummaryInsight::of).toList(),
                page.hasMoreResults());
    }
}
