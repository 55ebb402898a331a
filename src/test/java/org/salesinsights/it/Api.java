package org.salesinsights.it;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The service's API as the ITs call it: paths relative to its {@code api/} root, an Authorization header (or none),
 * If-Match when asked, a body as JSON unless the headers name another Content-Type. Plain HTTP through
 * {@link Http#send}; read the answers with {@link Http#json} and {@link Http#array}. Tests of the HTTP layer itself
 * (odd requests, raw sockets, headers) build their requests by hand instead.
 */
final class Api {

    private final URI base;
    private final String authorization;
    private final String ifMatch;

    private Api(URI base, String authorization, String ifMatch) {
        this.base = base;
        this.authorization = authorization;
        this.ifMatch = ifMatch;
    }

    /** The API of the server at {@code base} (what Arquillian injects), without a token. */
    static Api at(URL base) {
        try {
            return new Api(base.toURI(), null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The same API with this Authorization header. */
    Api as(String authorization) {
        return new Api(base, authorization, ifMatch);
    }

    /** The same API sending If-Match: {@code etag}, a quoted version such as {@code "\"1\""}. */
    Api ifMatch(String etag) {
        return new Api(base, authorization, etag);
    }

    URI uri(String path) {
        return base.resolve("api/" + path);
    }

    /** GET, with further headers as name-value pairs. */
    HttpResponse<String> get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    HttpResponse<String> post(String path, String json) {
        return send("POST", path, json);
    }

    HttpResponse<String> put(String path, String json) {
        return send("PUT", path, json);
    }

    HttpResponse<String> delete(String path) {
        return send("DELETE", path, null);
    }

    /** Any method; {@code body} null sends none; further headers as name-value pairs. */
    HttpResponse<String> send(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (headers.length % 2 != 0) {
            throw new IllegalArgumentException("headers come in name-value pairs");
        }
        boolean typed = false;
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            typed |= headers[i].equalsIgnoreCase("Content-Type");
        }
        if (body != null && !typed) {
            request.header("Content-Type", "application/json");
        }
        return Http.send(request.build());
    }
}
