package org.salesinsights.insights.control;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.salesinsights.insights.entity.CrmType;
import org.salesinsights.platform.requests.Texts;

/**
 * Checks and normalizes the action's query parameters. Every failure names the parameter; nothing the caller
 * sends can reach the database un-normalized or unbounded.
 *
 * <p>{@code top} and {@code skip} arrive as text and are parsed here, because a JAX-RS conversion failure of an
 * int query parameter answers 404, which would tell the caller nothing.
 */
public final class InsightsQueryParser {

    public static final int MAX_RECORD_TYPE_LENGTH = 64;
    public static final int MAX_RECORD_ID_LENGTH = 64;
    public static final int MAX_CRM_TYPE_LENGTH = 32;
    public static final int MAX_CRM_ORG_URL_LENGTH = 2048;
    public static final int MAX_NUMBER_LENGTH = 10;
    /** Far beyond any record's insights; keeps offset arithmetic in the database layer far from overflow. */
    public static final int MAX_SKIP = 100_000;

    private static final Pattern RECORD_TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    private final PagingLimits limits;

    public InsightsQueryParser(PagingLimits limits) {
        this.limits = limits;
    }

    public InsightsQuery parse(String recordType, String recordId, String crmType, String crmOrgUrl,
            String top, String skip) {
        String type = required("recordType", recordType, MAX_RECORD_TYPE_LENGTH);
        if (!RECORD_TYPE.matcher(type).matches()) {
            throw new InvalidParameterException("recordType", "must be a CRM record type such as 'opportunity'.");
        }
        String id = required("recordId", recordId, MAX_RECORD_ID_LENGTH);
        Optional<String> crmTypeText = optional("crmType", crmType, MAX_CRM_TYPE_LENGTH);
        Optional<String> orgUrlText = optional("crmOrgUrl", crmOrgUrl, MAX_CRM_ORG_URL_LENGTH);
        Optional<String> topText = optional("top", top, MAX_NUMBER_LENGTH);
        Optional<String> skipText = optional("skip", skip, MAX_NUMBER_LENGTH);

        CrmType crm = crmTypeText.map(InsightsQueryParser::crmType)
                .or(() -> CrmRecordIds.crmTypeOf(id))
                .orElseThrow(() -> new InvalidParameterException("recordId",
                        "must be a Dynamics 365 GUID or a 15- or 18-character Salesforce id."));
        String normalizedId = CrmRecordIds.normalize(crm, id)
                .orElseThrow(() -> new InvalidParameterException("recordId", crm == CrmType.DYNAMICS_365
                        ? "must be a Dynamics 365 record GUID."
                        : "must be a 15- or 18-character Salesforce record id."));
        Optional<String> host = orgUrlText.map(url -> OrgHosts.normalize(url)
                .orElseThrow(() -> new InvalidParameterException("crmOrgUrl",
                        "must be the URL or host name of the CRM organization.")));

        CrmRecordKey key = new CrmRecordKey(crm, host, type.toLowerCase(Locale.ROOT), normalizedId);
        return new InsightsQuery(key, page(topText, skipText));
    }

    /** The page {@code top} and {@code skip} ask for, checked as {@link #parse} checks them (for the actions whose
     * record context may be absent). */
    public PageRequest page(String top, String skip) {
        return page(optional("top", top, MAX_NUMBER_LENGTH), optional("skip", skip, MAX_NUMBER_LENGTH));
    }

    private PageRequest page(Optional<String> topText, Optional<String> skipText) {
        int pageSize = topText.map(text -> number("top", text, Integer.MAX_VALUE)).orElse(limits.defaultTop());
        if (pageSize == 0) {
            throw new InvalidParameterException("top", "must be at least 1.");
        }
        int offset = skipText.map(text -> number("skip", text, MAX_SKIP)).orElse(0);
        return new PageRequest(Math.min(pageSize, limits.maxTop()), offset);
    }

    /** The CRM type and organization as named (both optional), checked as {@link #parse} checks them. */
    public void checkOrganization(String crmType, String crmOrgUrl) {
        optional("crmType", crmType, MAX_CRM_TYPE_LENGTH).ifPresent(InsightsQueryParser::crmType);
        optional("crmOrgUrl", crmOrgUrl, MAX_CRM_ORG_URL_LENGTH).ifPresent(url -> OrgHosts.normalize(url)
                .orElseThrow(() -> new InvalidParameterException("crmOrgUrl",
                        "must be the URL or host name of the CRM organization.")));
    }

    static CrmType crmType(String value) {
        return CrmType.ofName(value).orElseThrow(
                () -> new InvalidParameterException("crmType", "must be 'Dynamics 365' or 'Salesforce'."));
    }

    private static String required(String name, String value, int maxLength) {
        return optional(name, value, maxLength)
                .orElseThrow(() -> new InvalidParameterException(name, "is required."));
    }

    /** Empty when absent or blank; refused when too long or holding control characters. */
    private static Optional<String> optional(String name, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (value.length() > maxLength) {
            throw new InvalidParameterException(name, "must be at most " + maxLength + " characters long.");
        }
        if (Texts.hasControlOrBrokenCharacters(value)) {
            throw new InvalidParameterException(name, "must not contain control characters.");
        }
        return Optional.of(value.strip());
    }

    private static int number(String name, String text, int max) {
        if (!DIGITS.matcher(text).matches()) {
            throw new InvalidParameterException(name, "must be a whole number of 0 or more.");
        }
        long value = Long.parseLong(text);
        if (value > max) {
            throw new InvalidParameterException(name, "must be at most " + max + ".");
        }
        return (int) value;
    }
}
