package org.salesinsights.platform.errors;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;

/**
 * The error page of every refusal the servlet container makes itself (web.xml): a malformed {@code Accept} or
 * {@code Content-Type} that the JAX-RS runtime refuses before our mappers see it, an unknown path, a wrong method,
 * an over-long URL. Each answer is the contract's error body with the container's status, the request's activity id
 * and the headers every answer carries, never the server's HTML page nor a body that calls a client's mistake an
 * internal error. Reached directly, it is an unknown path (404).
 */
@WebServlet(name = "ContainerErrors", urlPatterns = ContainerErrorServlet.PATH)
public class ContainerErrorServlet extends HttpServlet {

    static final String PATH = "/container-error";
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer number && number >= 400 && number <= 599 ? number : 404;
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) != null && status < 500) {
            status = 500; // an exception that escaped to the container is ours, whatever status it set
        }
        boolean unavailable = status == 503;
        ErrorCode errorCode = ErrorCode.ofStatus(status);
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String message = unavailable ? "The insights service is unavailable; retry shortly."
                : status >= 500 ? "The server failed to answer. Quote the activityId when reporting this."
                : type != null ? type.getReasonPhrase() + "." : "The request was refused.";
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        if (status == 401) {
            response.setHeader("WWW-Authenticate", ErrorResponses.BEARER_CHALLENGE);
        }
        if (unavailable) {
            response.setHeader("Retry-After", ErrorResponses.RETRY_AFTER_SECONDS);
        }
        ServletErrors.write(request, response, status, errorCode, message);
    }
}
