package org.salesinsights.platform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ejb.ApplicationException;

/**
 * A failure the caller should see as it is: an HTTP status, one of the contract's error codes and a message
 * safe to show. An application exception, so that an EJB passes it through unwrapped.
 */
@ApplicationException(rollback = true)
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String errorCode;
    private final Map<String, Object> details;

    public ApiException(int status, String errorCode, String message) {
        this(status, errorCode, message, null);
    }

    /** With {@code details} for the error body, such as every problem by field. */
    public ApiException(int status, String errorCode, String message, Map<String, Object> details) {
        super(message, null, false, false);
        this.status = status;
        this.errorCode = errorCode;
        // in the order given: problems read best in the order of the fields or lines they are about
        this.details = details == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public Map<String, Object> details() {
        return details;
    }

    public int status() {
        return status;
    }

    public String errorCode() {
        return errorCode;
    }
}
