package org.salesinsights.insights.control;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns a {@code crmOrgUrl} into the host it names, the way organizations are compared.
 *
 * <p>The Sales app sends a URL ({@code https://contoso.crm.dynamics.com/}) or a bare host
 * ({@code contoso.crm.dynamics.com}). Only the host counts: lower case, international names in their ASCII
 * form, no port and no trailing dot. The value is an identifier: nothing here connects to it.
 */
public final class OrgHosts {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private OrgHosts() {
    }

    /** The normalized host, or empty when the value is neither an http(s) URL with a host nor a host name. */
    public static Optional<String> normalize(String crmOrgUrl) {
        String value = crmOrgUrl.strip();
        String host;
        if (value.contains("://")) {
            host = hostOfUrl(value);
        } else {
            int end = firstOf(value, "/?#");
            host = hostOfUrl("https://" + value.substring(0, end));
        }
        return Optional.ofNullable(host).flatMap(OrgHosts::normalizeHost);
    }

    private static String hostOfUrl(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))
                    || uri.getRawUserInfo() != null) {
                return null;
            }
            // URI leaves the host null for names it cannot parse (for example non-ASCII); take the authority then.
            String host = uri.getHost() != null ? uri.getHost() : uri.getRawAuthority();
            if (host != null && uri.getHost() == null) {
                int colon = host.lastIndexOf(':');
                if (colon >= 0 && !validPort(host.substring(colon + 1))) {
                    return null;
                }
                host = colon >= 0 ? host.substring(0, colon) : host;
            }
            return host;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static boolean validPort(String port) {
        return port.matches("[0-9]{1,5}") && Integer.parseInt(port) <= 65_535;
    }

    private static Optional<String> normalizeHost(String host) {
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (name.isEmpty() || name.startsWith("[")) {
            return Optional.empty(); // IP literals name no CRM organization
        }
        try {
            name = IDN.toASCII(name, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (name.length() > 253) {
            return Optional.empty();
        }
        for (String label : name.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return Optional.empty();
            }
        }
        return Optional.of(name);
    }

    private static int firstOf(String value, String characters) {
        for (int i = 0; i < value.length(); i++) {
            if (characters.indexOf(value.charAt(i)) >= 0) {
                return i;
            }
        }
        return value.length();
    }
}
