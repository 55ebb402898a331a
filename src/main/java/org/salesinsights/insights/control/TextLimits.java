package org.salesinsights.insights.control;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fits text into the card's limits, counted in user-perceived characters (extended grapheme clusters), so that
 * an emoji, a flag or a letter with combining accents counts once and is never split.
 *
 * <p>Text over the limit is cut at the last word boundary that keeps at least half of the room (else at a
 * character boundary) and ends with an ellipsis, which counts as one character.
 */
public final class TextLimits {

    public static final int TITLE_MAX = 20;
    public static final int DESCRIPTION_MAX = 130;

    private static final Pattern GRAPHEME = Pattern.compile("\\X");
    private static final String ELLIPSIS = "\u2026";

    private TextLimits() {
    }

    /** The number of user-perceived characters in the text. */
    public static int length(String text) {
        if (isSimple(text)) {
            return text.length();
        }
        Matcher m = GRAPHEME.matcher(text);
        int count = 0;
        while (m.find()) {
            count++;
        }
        return count;
    }

    /** The text itself when it fits in {@code max} characters, else its cut form ending in an ellipsis. */
    public static String fit(String text, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be positive: " + max);
        }
        if (text.length() <= max) {
            return text; // never more user-perceived characters than UTF-16 units
        }
        List<Integer> ends = graphemeEnds(text, max + 1);
        if (ends.size() <= max) {
            return text;
        }
        int room = max - 1; // characters left beside the ellipsis
        int cut = room == 0 ? 0 : ends.get(room - 1);
        int wordCut = lastWordBoundary(text, ends, room);
        if (wordCut > 0) {
            cut = wordCut;
        }
        return stripTrailing(text.substring(0, cut)) + ELLIPSIS;
    }

    /** Printable ASCII only: one character per user-perceived character, no regex needed to count. */
    private static boolean isSimple(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /** End offsets of the first {@code limit} grapheme clusters. */
    private static List<Integer> graphemeEnds(String text, int limit) {
        List<Integer> ends = new ArrayList<>(limit);
        Matcher m = GRAPHEME.matcher(text);
        while (ends.size() < limit && m.find()) {
            ends.add(m.end());
        }
        return ends;
    }

    /**
     * The end of the last whole word within the first {@code room} clusters, or 0 when that would keep less than
     * half of the room (one long word is better cut inside than thrown away).
     */
    private static int lastWordBoundary(String text, List<Integer> ends, int room) {
        for (int i = room; i >= Math.max(1, room / 2); i--) {
            int end = ends.get(i - 1);
            boolean nextIsSpace = Character.isWhitespace(text.codePointAt(end));
            if (nextIsSpace) {
                return end;
            }
        }
        return 0;
    }

    private static String stripTrailing(String text) {
        int end = text.length();
        while (end > 0) {
            int cp = text.codePointBefore(end);
            if (!Character.isWhitespace(cp) && ",;:-\u2013\u2014".indexOf(cp) < 0) {
                break;
            }
            end -= Character.charCount(cp);
        }
        return text.substring(0, end);
    }
}
