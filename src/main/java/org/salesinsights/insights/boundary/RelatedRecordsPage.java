package org.salesinsights.insights.boundary;

import java.util.List;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer of the record details action: one page of related records and whether more follow. */
@Schema(name = "RelatedRecords", requiredProperties = "value")
@JsonbPropertyOrder({"value", "hasMoreResults"})
public record RelatedRecordsPage(
        @Schema(extensions = @Extension(name = "x-ms-summary", value = "Related records"),
                description = "A list of related records.", type = SchemaType.ARRAY,
                implementation = RelatedRecordItem.class)
        List<RelatedRecordItem> value,
        @Schema(extensions = @Extension(name = "x-ms-summary", value = "Has more results"),
                description = "A value that indicates whether more results are available.")
        boolean hasMoreResults) {

    public RelatedRecordsPage {
        value = List.copyOf(value);
    }
}
