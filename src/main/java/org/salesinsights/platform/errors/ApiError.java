package org.salesinsights.platform.errors;

import java.util.Map;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Microsoft's error body for extension APIs; only {@code errorCode} is always present. */
@Schema(name = ApiError.SCHEMA, description = "The error body of Microsoft's extension APIs.", requiredProperties = "errorCode")
@JsonbPropertyOrder({"errorCode", "errorMessage", "activityId", "details"})
public record ApiError(
        @Schema(extensions = @Extension(name = "x-ms-summary", value = "Error code"),
                description = "A code for the kind of failure, such as INVALID_CRM_CONNECTION.", example = "RECORD_NOT_FOUND")
        String errorCode,
        @Schema(extensions = @Extension(name = "x-ms-summary", value = "Error message"),
                description = "What went wrong, for the person reading logs.")
        String errorMessage,
        @Schema(extensions = @Extension(name = "x-ms-summary", value = "Activity ID"),
                description = "The x-ms-client-request-id of the call, for diagnostics.")
        String activityId,
        @Schema(extensions = @Extension(name = "x-ms-summary", value = "Details"),
                description = "More about the failure, when there is more.")
        Map<String, Object> details) {

    /** The name of this schema in the OpenAPI document, for references to it. */
    public static final String SCHEMA = "Error";

    public ApiError(String errorCode, String errorMessage, String activityId) {
        this(errorCode, errorMessage, activityId, null);
    }
}
