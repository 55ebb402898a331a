package org.salesinsights.insights.control;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.salesinsights.insights.entity.CrmType;

/**
 * Normalizes CRM record ids so that every form of one id finds the same record.
 *
 * <p>Dynamics 365 ids are GUIDs: any case, with or without braces; the normal form is lower case without braces.
 * Salesforce ids come as 15 case-sensitive characters or as 18, the same id plus a suffix that encodes the
 * case of the first 15; the normal form is the 18-character one with its first 15 in their true case, so that
 * an 18-character id whose case was lost (lower-cased by some tool) is still recognized by its suffix.
 */
public final class CrmRecordIds {

    private static final Pattern SALESFORCE = Pattern.compile("[0-9A-Za-z]{15}|[0-9A-Za-z]{18}");
    private static final String SUFFIX_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

    private CrmRecordIds() {
    }

    /** The CRM that issues ids of this shape, if the shape tells. */
    public static Optional<CrmType> crmTypeOf(String recordId) {
        if (isGuid(unbraced(recordId))) {
            return Optional.of(CrmType.DYNAMICS_365);
        }
        if (SALESFORCE.matcher(recordId).matches()) {
            return Optional.of(CrmType.SALESFORCE);
        }
        return Optional.empty();
    }

    /** The normal form of an id of the given CRM, or empty when the id is not of that CRM's shape. */
    public static Optional<String> normalize(CrmType crmType, String recordId) {
        return switch (crmType) {
            case DYNAMICS_365 -> normalizeGuid(recordId);
            case SALESFORCE -> normalizeSalesforce(recordId);
        };
    }

    private static Optional<String> normalizeGuid(String recordId) {
        String guid = unbraced(recordId);
        return isGuid(guid) ? Optional.of(guid.toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    /**
     * Whether the text is a GUID in its 8-4-4-4-12 hexadecimal form, in any case. Checked by hand: every read
     * action's call checks one, and a regular expression was a few percent of what a cached answer costs.
     */
    static boolean isGuid(String text) {
        if (text.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            boolean hex = c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
            if (dash ? c != '-' : !hex) {
                return false;
            }
        }
        return true;
    }

    private static String unbraced(String id) {
        if (id.length() == 38 && id.charAt(0) == '{' && id.charAt(37) == '}') {
            return id.substring(1, 37);
        }
        return id;
    }

    private static Optional<String> normalizeSalesforce(String recordId) {
        if (!SALESFORCE.matcher(recordId).matches()) {
            return Optional.empty();
        }
        if (recordId.length() == 15) {
            return Optional.of(recordId + caseSuffix(recordId));
        }
        String suffix = recordId.substring(15).toUpperCase(Locale.ROOT);
        StringBuilder id = new StringBuilder(18);
        for (int chunk = 0; chunk < 3; chunk++) {
            int bits = SUFFIX_ALPHABET.indexOf(suffix.charAt(chunk));
            if (bits < 0) {
                return Optional.empty();
            }
            for (int i = 0; i < 5; i++) {
                char c = recordId.charAt(chunk * 5 + i);
                boolean upper = (bits & (1 << i)) != 0;
                if (upper && !Character.isLetter(c)) {
                    return Optional.empty(); // the suffix says "upper case" where there is no letter: not an id
                }
                id.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
            }
        }
        return Optional.of(id.append(suffix).toString());
    }

    /** The 3-character suffix of a 15-character Salesforce id: one character per 5, a bit per upper-case letter. */
    static String caseSuffix(String id15) {
        StringBuilder suffix = new StringBuilder(3);
        for (int chunk = 0; chunk < 3; chunk++) {
            int bits = 0;
            for (int i = 0; i < 5; i++) {
                char c = id15.charAt(chunk * 5 + i);
                if (c >= 'A' && c <= 'Z') {
                    bits |= 1 << i;
                }
            }
            suffix.append(SUFFIX_ALPHABET.charAt(bits));
        }
        return suffix.toString();
    }
}
