package org.salesinsights.curation.control;

import org.salesinsights.insights.control.TextLimits;

/**
 * How long an insight's title and description may be where it is written, in UTF-16 code units as
 * {@link TextLimits#length} counts them.
 */
public enum TextRoom {

    /** What the card shows: curators, imports and feeds write at most this, so what they write is what sellers read. */
    CARD(TextLimits.TITLE_MAX, TextLimits.DESCRIPTION_MAX),
    /**
     * What the columns hold: seed files may store longer text (the demo data shows how the read actions cut it). A
     * UTF-16 count bounds the columns' character count on both databases.
     */
    COLUMN(200, 1000);

    private final int title;
    private final int description;

    TextRoom(int title, int description) {
        this.title = title;
        this.description = description;
    }

    public int title() {
        return title;
    }

    public int description() {
        return description;
    }
}
