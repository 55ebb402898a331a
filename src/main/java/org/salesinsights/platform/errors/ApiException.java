package org.salesinsights.platform.errors;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import jakarta.ejb.ApplicationException;

/**
 * A failure the caller should see as it is: an HTTP status, one of the contract's error codes and a message
 * safe to show. An application exception, so that an EJB passes it through unwrapped.
 */
@ApplicationException(rollback = true)
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode errorCode;
    private final Map<String, Object> details;

    public ApiException(ErrorCode errorCode, String message) {
        this(errorCode, message, null);
    }

    /** With {@code details} for the error body, such as every problem by field. */
    public ApiException(ErrorCode errorCode, String message, Map<String, Object> details) {
        super(message, null, false, false);
        this.errorCode = Objects.requireNonNull(errorCode);
        // in the order given: problems read best in the order of the fields or lines they are about
        this.details = details == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public Map<String, Object> details() {
        return details;
    }

    public int status() {
        return errorCode.status();
    }

    public ErrorCode errorCode() {
        return errorCode;
    }
}
