package org.salesinsights.platform.errors;

/**
 * The error codes of the contract's error body ({@code errorCode}), each with the one HTTP status it is answered with:
 * Microsoft's codes for extension APIs (../shared/contract.md) and, for refusals the contract does not name, the
 * status's own name. Every refusal in the service is one of these, so a code and its status never disagree.
 */
public enum ErrorCode {

    /** A request the runtime or a filter refused before it was read (a malformed header). */
    BAD_REQUEST(400),
    /** A parameter or a body's field breaks its rule; {@code details} names each by field. */
    INVALID_PARAMETER(400),
    /** The caller's CRM organization is not the one the request names. */
    INVALID_CRM_CONNECTION(400),
    INVALID_TOKEN_SPECIFIED(401),
    INSUFFICIENT_PERMISSIONS(403),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    NOT_ACCEPTABLE(406),
    REQUEST_TIMEOUT(408),
    /** A unique name already taken, or a concurrent change of the same data. */
    CONFLICT(409),
    /** An {@code If-Match} that names a version no longer current. */
    PRECONDITION_FAILED(412),
    PAYLOAD_TOO_LARGE(413),
    URI_TOO_LONG(414),
    UNSUPPORTED_MEDIA_TYPE(415),
    /** A change without {@code If-Match}. */
    PRECONDITION_REQUIRED(428),
    REQUEST_THROTTLED(429),
    REQUEST_HEADER_FIELDS_TOO_LARGE(431),
    INTERNAL_SERVER_ERROR(500),
    SERVICE_UNAVAILABLE(503);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    /** The HTTP status it is answered with. */
    public int status() {
        return status;
    }

    /**
     * The code of a refusal known only by its status (the JAX-RS runtime's, the servlet container's): the status's
     * own; a client error without one is {@code BAD_REQUEST}, a server error {@code INTERNAL_SERVER_ERROR}.
     */
    public static ErrorCode ofStatus(int status) {
        return switch (status) {
            case 401 -> INVALID_TOKEN_SPECIFIED;
            case 403 -> INSUFFICIENT_PERMISSIONS;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 408 -> REQUEST_TIMEOUT;
            case 409 -> CONFLICT;
            case 412 -> PRECONDITION_FAILED;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 414 -> URI_TOO_LONG;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 428 -> PRECONDITION_REQUIRED;
            case 429 -> REQUEST_THROTTLED;
            case 431 -> REQUEST_HEADER_FIELDS_TOO_LARGE;
            case 503 -> SERVICE_UNAVAILABLE;
            default -> status >= 500 ? INTERNAL_SERVER_ERROR : BAD_REQUEST;
        };
    }
}
