package org.salesinsights.insights.control;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fits text into the card's limits, counted in UTF-16 code units: the one count that bounds all three that the
 * parties use (.NET's {@code String.Length} counts UTF-16 units, JSON Schema's {@code maxLength} and so Prism and
 * the connector's validators count code points, people see graphemes; a code point is one or two units, a grapheme
 * one or more code points). A flag is 4 units, a family emoji 8 or more (19 with skin tones).
 *
 * <p>Text over the limit is cut at a grapheme boundary, so an emoji, a flag or a letter with combining accents is
 * never split: at the last word boundary that keeps at least half of the room (else after the last whole grapheme
 * that fits), and ends with an ellipsis, which counts as one unit. Write validation, the console's counters and the
 * columns use the same count ({@link #length}).
 */
public final class TextLimits {

    public static final int TITLE_MAX = 20;
    public static final int DESCRIPTION_MAX = 130;

    /** How the limits are counted, in words for error messages and people. */
    public static final String UNIT = "UTF-16 code units; an emoji counts 2 or more";

    private static final Pattern GRAPHEME = Pattern.compile("\\X");
    private static final String ELLIPSIS = "\u2026"; // one UTF-16 unit
    private static final String TRAILING_PUNCTUATION = ",;:-\u2013\u2014";

    private TextLimits() {
    }

    /** The length of the text as the limits count it: UTF-16 code units. */
    public static int length(String text) {
        return text.length();
    }

    /** The text itself when it fits in {@code max} UTF-16 units, else its cut form ending in an ellipsis. */
    public static String fit(String text, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be positive: " + max);
        }
        if (length(text) <= max) {
            return text;
        }
        int room = max - ELLIPSIS.length(); // units left beside the ellipsis
        List<Integer> ends = new ArrayList<>(); // grapheme boundaries within the room, 0 first
        ends.add(0);
        int words = 0; // how many of them are kept when cutting at the last word boundary
        Matcher m = GRAPHEME.matcher(text);
        while (m.find() && m.end() <= room) {
            int end = m.end();
            ends.add(end);
            // a word ends here; one long word is better cut inside than thrown away, so a word boundary is taken
            // only when it keeps at least half of the room
            if (end >= room / 2 && Character.isWhitespace(text.codePointAt(end))) {
                words = ends.size();
            }
        }
        int kept = words > 0 ? words : ends.size();
        // no dangling space or punctuation before the ellipsis, dropped by whole graphemes
        while (kept > 1 && isTrailingJunk(text.substring(ends.get(kept - 2), ends.get(kept - 1)))) {
            kept--;
        }
        return text.substring(0, ends.get(kept - 1)) + ELLIPSIS;
    }

    /** A grapheme of only white space and the punctuation that should not precede an ellipsis. */
    private static boolean isTrailingJunk(String grapheme) {
        return grapheme.codePoints()
                .allMatch(cp -> Character.isWhitespace(cp) || TRAILING_PUNCTUATION.indexOf(cp) >= 0);
    }
}
