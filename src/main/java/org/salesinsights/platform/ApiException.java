package org.salesinsights.platform;

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

    public ApiException(int status, String errorCode, String message) {
        super(message, null, false, false);
        this.status = status;
        this.errorCode = errorCode;
    }

    public int status() {
        return status;
    }

    public String errorCode() {
        return errorCode;
    }
}
