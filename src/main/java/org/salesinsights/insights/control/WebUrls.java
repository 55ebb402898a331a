package org.salesinsights.insights.control;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/** Which stored links may reach a seller: only absolute http or https URLs with a host. */
public final class WebUrls {

    private WebUrls() {
    }

    public static Optional<String> absoluteHttp(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            boolean web = "https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme);
            return web && uri.getHost() != null && uri.getRawUserInfo() == null ? Optional.of(url) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
