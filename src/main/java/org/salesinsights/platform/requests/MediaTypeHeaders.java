package org.salesinsights.platform.requests;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

import org.salesinsights.platform.errors.ErrorCode;
import org.salesinsights.platform.errors.ErrorResponses;

/**
 * {@code Accept} and {@code Content-Type} checked against HTTP's grammar (RFC 9110, 12.5.1 and 8.3) before the runtime
 * matches a resource: the runtimes parse them their own way, and a malformed one ({@code application/json; q=abc},
 * {@code application/}, {@code ;;}) ended as a 500 on one server and a bare 400 on another. A malformed header is a
 * 400 with the contract's body; what the grammar allows goes on to the runtime's content negotiation (406, 415).
 */
@Provider
@PreMatching
public class MediaTypeHeaders implements ContainerRequestFilter {

    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    private static final String QUOTED = "\"(?:[^\"\\\\\\x00-\\x08\\x0A-\\x1F\\x7F]|\\\\[\\x09\\x20-\\x7E\\x80-\\xFF])*\"";
    private static final Pattern MEDIA_TYPE = Pattern.compile("[ \\t]*(" + TOKEN + ")/(" + TOKEN + ")"
            + "((?:[ \\t]*;[ \\t]*" + TOKEN + "=(?:" + TOKEN + "|" + QUOTED + "))*)[ \\t]*");
    private static final Pattern PARAMETER = Pattern.compile(";[ \\t]*(" + TOKEN + ")=(" + TOKEN + "|" + QUOTED + ")");
    private static final Pattern QVALUE = Pattern.compile("0(\\.[0-9]{0,3})?|1(\\.0{0,3})?");

    @Context
    HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext context) {
        for (String accept : context.getHeaders().getOrDefault(HttpHeaders.ACCEPT, List.of())) {
            if (!isAccept(accept)) {
                context.abortWith(ErrorResponses.of(ErrorCode.BAD_REQUEST, "The Accept header is not a list of media"
                        + " ranges, such as application/json.", request));
                return;
            }
        }
        List<String> contentTypes = context.getHeaders().getOrDefault(HttpHeaders.CONTENT_TYPE, List.of());
        if (contentTypes.size() > 1 || contentTypes.size() == 1 && !isBareMediaType(contentTypes.get(0))
                && !isMediaType(contentTypes.get(0))) {
            context.abortWith(ErrorResponses.of(ErrorCode.BAD_REQUEST, "The Content-Type header must be one media type,"
                    + " such as application/json.", request));
        }
    }

    /** An {@code Accept} value: media ranges separated by commas, each with a valid weight if it has one. */
    static boolean isAccept(String value) {
        if (isBareMediaType(value)) {
            return true; // what nearly every caller sends, such as application/json: no list, no parameters
        }
        for (String range : elements(value)) {
            if (!range.isBlank() && !isMediaType(range)) {
                return false;
            }
        }
        return true;
    }

    /** One media type (or range) with its parameters; a {@code q} parameter must be a weight from 0 to 1. */
    static boolean isMediaType(String value) {
        Matcher type = MEDIA_TYPE.matcher(value);
        if (!type.matches()) {
            return false;
        }
        Matcher parameter = PARAMETER.matcher(type.group(3));
        while (parameter.find()) {
            if (parameter.group(1).equalsIgnoreCase("q") && !QVALUE.matcher(parameter.group(2)).matches()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the value is one type and subtype without parameters or spaces ({@code application/json},
     * {@code *}{@code /*}): valid by the grammar, recognised without the regular expressions, which cost a few
     * percent of a cached answer when every call ran them.
     */
    static boolean isBareMediaType(String value) {
        int slash = value.indexOf('/');
        if (slash <= 0 || slash == value.length() - 1) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (i != slash && !isTokenChar(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** A character of an HTTP token (RFC 9110, 5.6.2), as {@code TOKEN} lists them. */
    private static boolean isTokenChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "!#$%&'*+.^_`|~-".indexOf(c) >= 0;
    }

    /** The list's elements: split at commas outside quoted strings. */
    private static List<String> elements(String value) {
        List<String> elements = new ArrayList<>();
        StringBuilder element = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' && (i == 0 || value.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                elements.add(element.toString());
                element.setLength(0);
            } else {
                element.append(c);
            }
        }
        elements.add(element.toString());
        return elements;
    }
}
