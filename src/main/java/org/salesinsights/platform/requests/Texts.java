package org.salesinsights.platform.requests;

/** The text rule every input shares: no control characters, and no half of a surrogate pair. */
public final class Texts {

    private Texts() {
    }

    /**
     * True when the text holds a control character (line breaks included) or a lone surrogate: a UTF-16 half that
     * JSON's {@code \ud800} escapes can carry but no database's UTF-8 can store and no client can show.
     */
    public static boolean hasControlOrBrokenCharacters(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                return true;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return true;
                }
                i++; // the pair's second half
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
