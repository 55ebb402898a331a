package org.salesinsights.platform.errors;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.salesinsights.platform.requests.ActivityIds;

/**
 * The last resort: logs the failure with its activity id and answers without any server detail: 503 with
 * {@code Retry-After} when the database is unreachable (the connector retries it), else 500.
 */
@Provider
public class UnexpectedFailureMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedFailureMapper.class.getName());

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(Throwable failure) {
        String activityId = ActivityIds.of(request);
        if (DatabaseFailures.isUnavailable(failure)) {
            LOG.warning(() -> "Database unavailable, activityId=" + activityId + ": "
                    + DatabaseFailures.rootCause(failure));
            return ErrorResponses.unavailable(activityId);
        }
        if (DatabaseFailures.isConflict(failure)) {
            LOG.info(() -> "Concurrent edit refused, activityId=" + activityId + ": "
                    + DatabaseFailures.rootCause(failure));
            return ErrorResponses.of(ErrorCode.CONFLICT, "Someone changed the same data at the same time; read it"
                    + " again and retry.", activityId);
        }
        LOG.log(Level.SEVERE, "Unexpected failure, activityId=" + activityId, failure);
        return ErrorResponses.of(ErrorCode.INTERNAL_SERVER_ERROR,
                "The server failed to answer. Quote the activityId when reporting this.", request);
    }
}
