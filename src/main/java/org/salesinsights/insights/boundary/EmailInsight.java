package org.salesinsights.insights.boundary;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.salesinsights.insights.control.TextLimits;

/**
 * One insight as the email summary reads it: one sentence, the curated insight's description (already cut to the
 * Key sales info limit, so the same text a seller sees there). Microsoft's schema has no title: the Sales app titles
 * the partner's section with the connector's name.
 */
@Schema(name = "EmailInsight", requiredProperties = "insight")
public record EmailInsight(
        @Schema(extensions = @Extension(name = "x-ms-summary", value = "Insight"),
                description = "This output indicates the text you would like to be included in the email summary.",
                maxLength = TextLimits.DESCRIPTION_MAX)
        String insight) {

    static EmailInsight of(OpportunityInsight insight) {
        return new EmailInsight(insight.description());
    }
}
