package org.salesinsights.insights.control;

import org.salesinsights.platform.errors.ApiException;
import org.salesinsights.platform.errors.ErrorCode;

/** A query parameter the caller got wrong: answered with 400 and a message that names the parameter. */
public class InvalidParameterException extends ApiException {

    private static final long serialVersionUID = 1L;

    private final String parameter;

    public InvalidParameterException(String parameter, String problem) {
        super(ErrorCode.INVALID_PARAMETER, "Parameter '" + parameter + "' " + problem);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
