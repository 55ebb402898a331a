package org.salesinsights.signin.control;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Entra tenant ids as tokens carry them ({@code tid}): a GUID in lower case. */
public final class TenantIds {

    private static final Pattern GUID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private TenantIds() {
    }

    /** The normal form of a tenant id given in any case, or empty when it is not a GUID. */
    public static Optional<String> normalize(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String id = value.strip().toLowerCase(Locale.ROOT);
        return GUID.matcher(id).matches() ? Optional.of(id) : Optional.empty();
    }
}
