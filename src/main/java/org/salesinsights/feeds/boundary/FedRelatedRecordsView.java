package org.salesinsights.feeds.boundary;

import java.util.List;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a snapshot of a source's related records of one CRM record did, then each related record as it now is. */
@Schema(name = "FedRelatedRecords", description = "How many related records the snapshot created, replaced, left as"
        + " they were and deleted, then the snapshot's related records in the order sent.")
@JsonbPropertyOrder({"created", "replaced", "unchanged", "deleted", "relatedRecords"})
public record FedRelatedRecordsView(int created, int replaced, int unchanged, int deleted,
        List<FedRelatedRecordView> relatedRecords) {
}
