package org.salesinsights.insights.boundary;

import java.util.List;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer of the email summary action: one page of insights and whether more follow. The Sales app shows the
 * first insight only; the rest are there for paging as Microsoft's schema has it.
 */
@Schema(name = "EmailInsights", requiredProperties = "value")
@JsonbPropertyOrder({"value", "hasMoreResults"})
public record EmailInsightsPage(
        @Schema(extensions = @Extension(name = "x-ms-summary", value = "Insights"),
                description = "A list of insights.", type = SchemaType.ARRAY, implementation = EmailInsight.class)
        List<EmailInsight> value,
        @Schema(extensions = @Extension(name = "x-ms-summary", value = "Has more results"),
                description = "A value that indicates whether more results are available.")
        boolean hasMoreResults) {

    public static final EmailInsightsPage EMPTY = new EmailInsightsPage(List.of(), false);

    public EmailInsightsPage {
        value = List.copyOf(value);
    }

    static EmailInsightsPage of(OpportunityInsightsPage page) {
        return new EmailInsightsPage(page.value().stream().map(EmailInsight::of).toList(), page.hasMoreResults());
    }
}
