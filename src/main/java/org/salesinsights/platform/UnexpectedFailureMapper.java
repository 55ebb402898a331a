package org.salesinsights.platform;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The last resort: logs the failure with its activity id and answers 500 without any server detail. */
@Provider
public class UnexpectedFailureMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedFailureMapper.class.getName());

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(Throwable failure) {
        String activityId = ActivityIds.of(request);
        LOG.log(Level.SEVERE, "Unexpected failure, activityId=" + activityId, failure);
        return ErrorResponses.of(500, "INTERNAL_SERVER_ERROR",
                "The server failed to answer. Quote the activityId when reporting this.", request);
    }
}
