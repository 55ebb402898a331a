package org.salesinsights.insights.boundary;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.salesinsights.insights.control.EmailInsightsRequestParser;
import org.salesinsights.insights.control.InsightsQueryParser;

/**
 * The body of the email summary action as Microsoft's page describes it, with its prescribed descriptions: for the
 * API's description only. The body is read and checked by {@link EmailInsightsRequestParser}, which names the member
 * of every mistake.
 */
@Schema(name = "EmailInsightsRequest", requiredProperties = "resourceData")
public record EmailInsightsRequest(
        @Schema(extensions = {@Extension(name = "x-ms-summary", value = "Resource data"),
            @Extension(name = "x-ms-visibility", value = "important")},
                description = "This input identifies the email content which is a collection of email thread,"
                + " subject, and other details.", implementation = EmailResourceData.class)
        EmailResourceData resourceData,
        @Schema(extensions = {@Extension(name = "x-ms-summary", value = "Related entities"),
            @Extension(name = "x-ms-visibility", value = "important")},
                description = "This input identifies the array of CRM records, which is related to the email thread.",
                type = SchemaType.ARRAY, implementation = RelatedEntity.class)
        List<RelatedEntity> relatedEntities,
        @Schema(extensions = {@Extension(name = "x-ms-summary", value = "CRM type"),
            @Extension(name = "x-ms-visibility", value = "advanced")},
                description = "This input indicates the type of CRM in which the record related to the email thread"
                + " exists.", maxLength = InsightsQueryParser.MAX_CRM_TYPE_LENGTH)
        String crmType,
        @Schema(extensions = {@Extension(name = "x-ms-summary", value = "CRM org URL"),
            @Extension(name = "x-ms-visibility", value = "advanced")},
                description = "This input indicates the URL of the CRM environment in which the record related to"
                + " the email thread exists.", maxLength = InsightsQueryParser.MAX_CRM_ORG_URL_LENGTH)
        String crmOrgUrl,
        @Schema(extensions = {@Extension(name = "x-ms-summary", value = "Top"),
            @Extension(name = "x-ms-visibility", value = "advanced")},
                description = "This input indicates the number of file links to fetch.", type = SchemaType.INTEGER,
                format = "int32", minimum = "1")
        Integer top,
        @Schema(extensions = {@Extension(name = "x-ms-summary", value = "Skip"),
            @Extension(name = "x-ms-visibility", value = "advanced")},
                description = "This input indicates the number of items to skip when fetching suggested file links.",
                type = SchemaType.INTEGER, format = "int32", minimum = "0")
        Integer skip) {

    /** The email: what Microsoft's "Extensibility email data model" lists. The service reads none of it. */
    @Schema(name = "EmailResourceData")
    public record EmailResourceData(
            @Schema(extensions = @Extension(name = "x-ms-summary", value = "Plain text body"),
                    description = "This input provides all the content from the email thread in text format.")
            String plaintextBody,
            @Schema(extensions = @Extension(name = "x-ms-summary", value = "Full HTML body"),
                    description = "This input provides all the content from the email thread in HTML format.")
            String fullHtmlBody,
            @Schema(extensions = @Extension(name = "x-ms-summary", value = "Subject"),
                    description = "This input provides the subject of the email.")
            String subject,
            @Schema(extensions = @Extension(name = "x-ms-summary", value = "From"),
                    description = "This input provides the sender's email address.")
            String from,
            @Schema(extensions = @Extension(name = "x-ms-summary", value = "To"),
                    description = "This input provides the receiver's email address.", type = SchemaType.ARRAY,
                    implementation = String.class)
            List<String> to,
            @Schema(extensions = @Extension(name = "x-ms-summary", value = "Cc"),
                    description = "This input provides all the receiver's email addresses that are included in the Cc"
                    + " field of the email.", type = SchemaType.ARRAY, implementation = String.class)
            List<String> cc,
            @Schema(extensions = @Extension(name = "x-ms-summary", value = "Bcc"),
                    description = "This input provides all the receiver's email addresses that are added in the Bcc"
                    + " field of the email.", type = SchemaType.ARRAY, implementation = String.class)
            List<String> bcc,
            @Schema(extensions = @Extension(name = "x-ms-summary", value = "Sent date time"),
                    description = "This input provides the timestamp of the email.", type = SchemaType.STRING,
                    format = "date-time", implementation = String.class)
            String sentDateTime,
            @Schema(extensions = @Extension(name = "x-ms-summary", value = "Message ID"),
                    description = "This input provides the message ID of the email.")
            String messageId,
            @Schema(extensions = @Extension(name = "x-ms-summary", value = "Conversation ID"),
                    description = "This input provides the conversation ID of the email thread.")
            String conversationId) {
    }

    /** A CRM record of the thread: what Microsoft's "Related entity data model" lists. */
    @Schema(name = "RelatedEntity", requiredProperties = {"entityId", "entityType"})
    public record RelatedEntity(
            @Schema(extensions = @Extension(name = "x-ms-summary", value = "Entity ID"),
                    description = "This input provides the unique identifier of the CRM record that is related to the"
                    + " email thread.", maxLength = InsightsQueryParser.MAX_RECORD_ID_LENGTH)
            String entityId,
            @Schema(extensions = @Extension(name = "x-ms-summary", value = "Entity type"),
                    description = "This input identifies the record type in CRM, which is related to the email"
                    + " thread.", maxLength = InsightsQueryParser.MAX_RECORD_TYPE_LENGTH)
            String entityType,
            @Schema(extensions = @Extension(name = "x-ms-summary", value = "Entity source"),
                    description = "This input indicates the entity source type.")
            String entitySource) {
    }
}
