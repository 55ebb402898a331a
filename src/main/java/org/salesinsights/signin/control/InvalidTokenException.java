package org.salesinsights.signin.control;

/** A bearer token that is not one this API accepts; the reason is for the log, never for the caller. */
public class InvalidTokenException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidTokenException(String reason) {
        super(reason, null, false, false);
    }
}
