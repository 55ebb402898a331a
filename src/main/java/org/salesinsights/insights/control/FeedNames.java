package org.salesinsights.insights.control;

import java.util.regex.Pattern;

/**
 * How a feeder names one of its insights within an organization: a source (the feeding system's kind of data, such as
 * {@code quotes}) and its own external id for the insight. One rule wherever such a name is read, the feed API's path
 * and the rows of an import file alike, so that a name one of them takes the other takes too; the lengths are those
 * of the insight's columns ({@code feed_source}, {@code feed_external_id}).
 */
public final class FeedNames {

    public static final int MAX_SOURCE = 64;
    public static final int MAX_EXTERNAL_ID = 200;
    /** What a source that breaks the rule is told. */
    public static final String SOURCE_RULE = "must be 1 to " + MAX_SOURCE + " letters, digits and . _ - (starting"
            + " with a letter or digit), such as quotes.";
    /** What an external id that breaks the rule is told. */
    public static final String EXTERNAL_ID_RULE = "must be 1 to " + MAX_EXTERNAL_ID + " letters, digits and"
            + " . _ - : ~ @ + = (starting with a letter or digit), such as Q-2026-0912.";
    private static final Pattern SOURCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0," + (MAX_SOURCE - 1) + "}");
    private static final Pattern EXTERNAL_ID = Pattern.compile(
            "[A-Za-z0-9][A-Za-z0-9._:~@+=-]{0," + (MAX_EXTERNAL_ID - 1) + "}");

    private FeedNames() {
    }

    public static boolean isSource(String source) {
        return source != null && SOURCE.matcher(source).matches();
    }

    public static boolean isExternalId(String externalId) {
        return externalId != null && EXTERNAL_ID.matcher(externalId).matches();
    }
}
