package org.salesinsights.signin.control;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the demo token desk needs to know about a request's {@code Host}: whether it names this machine's loopback
 * interface, and how to print it safely in a shell command.
 *
 * <p>Checking the caller's address is not enough: a web page can make a browser on the machine call the desk under
 * the page's own name (DNS rebinding), and then read the token. Such a call carries the page's host name; a
 * loopback name or address in {@code Host} is what a person on the machine types.
 */
public final class LocalHosts {

    /** localhost (and its subdomains, which resolvers keep on loopback), 127.0.0.0/8, [::1]; an optional port. */
    private static final Pattern LOOPBACK = Pattern.compile(
            "(?:(?:[a-z0-9-]+\\.)*localhost\\.?|127(?:\\.(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}|\\[(?:0{0,4}:){2,7}0{0,3}1])"
                    + "(?::\\d{1,5})?");

    private LocalHosts() {
    }

    /** Whether a {@code Host} header value names the loopback interface. */
    public static boolean isLoopback(String host) {
        if (host == null || host.length() > 300) {
            return false;
        }
        return LOOPBACK.matcher(host.strip().toLowerCase(Locale.ROOT)).matches();
    }

    /** The text as one shell word in single quotes: each ' becomes '\'' (close, escaped quote, reopen). */
    public static String singleQuoted(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
