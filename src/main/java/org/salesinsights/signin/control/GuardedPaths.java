package org.salesinsights.signin.control;

import java.util.Set;

/**
 * Which requests sign-in must check, decided on the path as the caller sent it.
 *
 * <p>The servlet container maps a request on its decoded, normalized path ({@code %2F} becomes {@code /}, then
 * {@code ..} is resolved), while JAX-RS routes on the raw path: {@code /api/admin/v1/tenants/..%2F..%2F..%2Fdemo%2Ftoken}
 * is {@code /api/demo/token} to the container and {@code TenantsResource} to JAX-RS. So a path is public only when
 * the raw path is exactly one of the public paths and the container read it as the same path; anything else under
 * the API, and anything ambiguous (encoded characters, dot segments, {@code ;} parameters, empty segments) that
 * either reading puts under the API, needs a signed-in caller.
 */
public final class GuardedPaths {

    private final String api;
    private final Set<String> publicPaths;

    /**
     * @param api the API's root, such as {@code /api}
     * @param publicPaths the paths anyone may call, exact and absolute, such as {@code /api/demo/token}
     */
    public GuardedPaths(String api, Set<String> publicPaths) {
        this.api = api;
        this.publicPaths = Set.copyOf(publicPaths);
    }

    /**
     * Whether the request needs a signed-in caller.
     *
     * @param requestUri the raw path of the request line, not decoded ({@code HttpServletRequest.getRequestURI()})
     * @param contextPath the application's context path, as raw ({@code getContextPath()}, "" at the root)
     * @param decodedPath the path within the application as the container mapped it (servlet path + path info)
     */
    public boolean isSecured(String requestUri, String contextPath, String decodedPath) {
        String decoded = decodedPath == null ? "" : decodedPath;
        String context = contextPath == null ? "" : contextPath;
        if (requestUri == null || !requestUri.startsWith(context)) {
            return true; // the context path itself was written another way: ambiguous
        }
        String raw = requestUri.substring(context.length());
        if (!isUnder(decoded) && !isUnder(raw) && !(isAmbiguous(raw) && mentionsApi(raw))) {
            return false; // static files and the like, whichever way it is read
        }
        return !(raw.equals(decoded) && publicPaths.contains(raw));
    }

    private boolean isUnder(String path) {
        return path.equals(api) || path.startsWith(api + "/");
    }

    private boolean mentionsApi(String raw) {
        return raw.toLowerCase(java.util.Locale.ROOT).contains(api.substring(1).toLowerCase(java.util.Locale.ROOT))
                || raw.contains("%");
    }

    /** Encoded characters, path parameters, backslashes, empty or dot segments: read differently by different parsers. */
    static boolean isAmbiguous(String raw) {
        if (raw.indexOf('%') >= 0 || raw.indexOf(';') >= 0 || raw.indexOf('\\') >= 0 || raw.contains("//")) {
            return true;
        }
        for (String segment : raw.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return true;
            }
        }
        return false;
    }
}
