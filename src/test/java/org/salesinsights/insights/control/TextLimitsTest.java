package org.salesinsights.insights.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The limits count UTF-16 code units (as .NET's {@code String.Length} does), which also bounds the code points that
 * JSON Schema's {@code maxLength} counts and the graphemes people see; cuts never split a grapheme.
 */
class TextLimitsTest {

    // 1 grapheme, 5 code points, 8 units
    private static final String FAMILY = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
    private static final String FAMILY_TONED = "\uD83D\uDC68\uD83C\uDFFD\u200D\uD83D\uDC69\uD83C\uDFFD\u200D"
            + "\uD83D\uDC67\uD83C\uDFFD\u200D\uD83D\uDC66\uD83C\uDFFD"; // 1 grapheme, 11 code points, 19 units
    private static final String E_ACUTE = "e\u0301"; // e + combining acute accent: 1 grapheme, 2 units
    private static final String FLAG_DE = "\uD83C\uDDE9\uD83C\uDDEA"; // 1 grapheme, 2 code points, 4 units
    private static final String SEEDLING = "\uD83C\uDF31"; // astral: 1 code point, 2 units
    private static final String MATH_A = "\uD835\uDC00"; // MATHEMATICAL BOLD CAPITAL A, astral
    // Hebrew with points: 4 graphemes, 7 units
    private static final String SHALOM = "\u05E9\u05C1\u05B8\u05DC\u05D5\u05B9\u05DD";
    private static final String ARABIC = "\u0645\u0631\u062D\u0628\u0627 \u0628\u0627\u0644\u0639\u0627\u0644\u0645";
    private static final String ELLIPSIS = "\u2026";
    private static final Pattern GRAPHEME = Pattern.compile("\\X");

    @Test
    void countsUtf16CodeUnits() {
        assertEquals(8, TextLimits.length(FAMILY));
        assertEquals(19, TextLimits.length(FAMILY_TONED));
        assertEquals(2, TextLimits.length(E_ACUTE));
        assertEquals(8, TextLimits.length(FLAG_DE + FLAG_DE));
        assertEquals(2, TextLimits.length(SEEDLING));
        assertEquals(6, TextLimits.length("M\u00fcller"));
        assertEquals(7, TextLimits.length("Mu\u0308ller"));
        assertEquals(7, TextLimits.length(SHALOM));
        assertEquals(13, TextLimits.length(ARABIC));
    }

    @Test
    void textWithinTheLimitIsUntouched() {
        String twenty = "Contoso Hub Partners";
        assertSame(twenty, TextLimits.fit(twenty, 20));
        String fiveFlags = FLAG_DE.repeat(5); // 20 units
        assertSame(fiveFlags, TextLimits.fit(fiveFlags, 20));
        assertSame(FAMILY_TONED, TextLimits.fit(FAMILY_TONED, 20));
    }

    @Test
    void aFlagTitleThatFitsInGraphemesIsCutToTwentyUnits() {
        // the case: 15 graphemes but 21 code points, so JSON Schema's maxLength of 20 refuses it
        String title = "Adatum " + FLAG_DE.repeat(6) + " " + MATH_A;
        assertEquals(15, graphemes(title));
        assertEquals(21, title.codePointCount(0, title.length()));
        String fitted = TextLimits.fit(title, 20);
        assertEquals("Adatum " + FLAG_DE.repeat(3) + ELLIPSIS, fitted);
        assertTrue(fitted.length() <= 20);
    }

    @Test
    void longTextIsCutAtAWordBoundaryWithAnEllipsis() {
        assertEquals("Budget approved by\u2026", TextLimits.fit("Budget approved by the CFO", 20));
        assertEquals(SEEDLING + " Budget approved\u2026", TextLimits.fit(SEEDLING + " Budget approved by the CFO", 20),
                "the emoji takes two of the twenty units");
    }

    @Test
    void trailingPunctuationBeforeTheEllipsisIsDropped() {
        assertEquals("Next steps\u2026", TextLimits.fit("Next steps, then the timeline", 13));
    }

    @Test
    void oneLongWordIsCutInsideRatherThanThrownAway() {
        assertEquals("Vertriebsinformatio\u2026", TextLimits.fit("Vertriebsinformationssystem", 20));
        assertEquals("Adatum Vertriebsdat\u2026", TextLimits.fit("Adatum Vertriebsdaten", 20));
    }

    @Test
    void neverSplitsAnEmojiOrACombiningSequence() {
        assertEquals(FAMILY.repeat(2) + ELLIPSIS, TextLimits.fit(FAMILY.repeat(25), 20)); // 16 units + 1
        assertEquals(E_ACUTE.repeat(9) + ELLIPSIS, TextLimits.fit(E_ACUTE.repeat(30), 20)); // 18 + 1
        assertEquals(FLAG_DE.repeat(4) + ELLIPSIS, TextLimits.fit(FLAG_DE.repeat(30), 20)); // 16 + 1
        assertEquals(FAMILY_TONED + ELLIPSIS, TextLimits.fit(FAMILY_TONED.repeat(2), 20)); // 19 + 1
        assertEquals("a" + ELLIPSIS, TextLimits.fit("a" + FAMILY_TONED, 19), "the family does not fit beside it");
        assertEquals(ELLIPSIS, TextLimits.fit(FAMILY_TONED + "abc", 19), "one grapheme longer than the room");
    }

    @Test
    void rightToLeftTextIsCutByWordsAndKeepsItsPoints() {
        String hebrew = (SHALOM + " ").repeat(5).strip(); // 39 units
        assertEquals(SHALOM + " " + SHALOM + ELLIPSIS, TextLimits.fit(hebrew, 20));
        String arabic = "\u200F" + ARABIC + " " + ARABIC; // right-to-left mark first
        assertEquals("\u200F" + ARABIC + ELLIPSIS, TextLimits.fit(arabic, 20));
    }

    @Test
    void aLimitOfOneLeavesOnlyTheEllipsis() {
        assertEquals(ELLIPSIS, TextLimits.fit("ab", 1));
    }

    @Test
    void everyCutFitsInUnitsCodePointsAndGraphemesAndIsAPrefixOfTheText() {
        String[] pieces = {"a", "Z", " ", "  ", "-", ",", "\u00fc", E_ACUTE, "e\u0301\u0302\u0303", FAMILY,
            FAMILY_TONED, FLAG_DE, "\uD83C\uDDEB", "\u6771", SEEDLING, MATH_A, "\n", "\r\n", "\u05E9\u05C1\u05B8",
            "\u0645", "\u200F", "\u202E", "\u0600 ", "\u0915\u094D\u0937", "\u1100\u1161\u11A8", "\uFE0F"};
        Random random = new Random(42);
        for (int run = 0; run < 20_000; run++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(80);
            for (int i = 0; i < length; i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            int max = 1 + random.nextInt(140);
            String original = text.toString();
            String fitted = TextLimits.fit(original, max);
            assertTrue(fitted.length() <= max, () -> "too many UTF-16 units: " + fitted);
            assertTrue(fitted.codePointCount(0, fitted.length()) <= max, () -> "too many code points: " + fitted);
            assertTrue(graphemes(fitted) <= max, () -> "too many graphemes: " + fitted);
            assertFalse(hasLoneSurrogate(fitted), () -> "split a surrogate pair: " + fitted);
            if (!fitted.equals(original)) {
                assertTrue(fitted.endsWith(ELLIPSIS));
                String kept = fitted.substring(0, fitted.length() - 1);
                assertTrue(original.startsWith(kept), () -> "not a prefix: " + fitted);
                assertTrue(kept.isEmpty() || graphemeEnds(original).contains(kept.length()),
                        () -> "cut inside a grapheme: " + fitted);
            }
        }
    }

    private static int graphemes(String text) {
        Matcher m = GRAPHEME.matcher(text);
        int count = 0;
        while (m.find()) {
            count++;
        }
        return count;
    }

    private static Set<Integer> graphemeEnds(String text) {
        Set<Integer> ends = new HashSet<>();
        Matcher m = GRAPHEME.matcher(text);
        while (m.find()) {
            ends.add(m.end());
        }
        return ends;
    }

    private static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
