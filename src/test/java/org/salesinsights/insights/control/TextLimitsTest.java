package org.salesinsights.insights.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class TextLimitsTest {

    private static final String FAMILY = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67"; // one emoji of five code points
    private static final String E_ACUTE = "e\u0301"; // e + combining acute accent
    private static final String FLAG_DE = "\uD83C\uDDE9\uD83C\uDDEA";

    @Test
    void countsUserPerceivedCharacters() {
        assertEquals(1, TextLimits.length(FAMILY));
        assertEquals(1, TextLimits.length(E_ACUTE));
        assertEquals(2, TextLimits.length(FLAG_DE + FLAG_DE));
        assertEquals(6, TextLimits.length("M\u00fcller"));
        assertEquals(6, TextLimits.length("Mu\u0308ller"));
    }

    @Test
    void textWithinTheLimitIsUntouched() {
        String twenty = "Contoso Hub Partners";
        assertSame(twenty, TextLimits.fit(twenty, 20));
        String emoji = FAMILY.repeat(20);
        assertSame(emoji, TextLimits.fit(emoji, 20));
    }

    @Test
    void longTextIsCutAtAWordBoundaryWithAnEllipsis() {
        assertEquals("Budget approved by\u2026", TextLimits.fit("Budget approved by the CFO", 20));
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
        String cut = TextLimits.fit(FAMILY.repeat(25), 20);
        assertEquals(FAMILY.repeat(19) + "\u2026", cut);
        String accents = TextLimits.fit(E_ACUTE.repeat(30), 20);
        assertEquals(E_ACUTE.repeat(19) + "\u2026", accents);
        String flags = TextLimits.fit(FLAG_DE.repeat(30), 20);
        assertEquals(FLAG_DE.repeat(19) + "\u2026", flags);
    }

    @Test
    void aLimitOfOneLeavesOnlyTheEllipsis() {
        assertEquals("\u2026", TextLimits.fit("ab", 1));
    }

    @Test
    void everyCutFitsAndIsAPrefixOfTheText() {
        String[] pieces = {"a", "Z", " ", "  ", "-", ",", "ü", E_ACUTE, FAMILY, FLAG_DE, "\u6771", "\uD83C\uDF31", "\n"};
        Random random = new Random(42);
        for (int run = 0; run < 5_000; run++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(60);
            for (int i = 0; i < length; i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            int max = 1 + random.nextInt(30);
            String fitted = TextLimits.fit(text.toString(), max);
            assertTrue(TextLimits.length(fitted) <= max, () -> "too long: " + fitted);
            if (!fitted.equals(text.toString())) {
                assertTrue(fitted.endsWith("\u2026"));
                String kept = fitted.substring(0, fitted.length() - 1);
                assertTrue(text.toString().startsWith(kept), () -> "not a prefix: " + fitted);
                assertTrue(kept.isEmpty() || graphemeEnds(text.toString()).contains(kept.length()),
                        () -> "cut inside a user-perceived character: " + fitted);
            }
        }
    }

    private static Set<Integer> graphemeEnds(String text) {
        Set<Integer> ends = new HashSet<>();
        Matcher m = Pattern.compile("\\X").matcher(text);
        while (m.find()) {
            ends.add(m.end());
        }
        return ends;
    }
}
