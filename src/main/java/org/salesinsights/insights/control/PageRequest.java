package org.salesinsights.insights.control;

/** A page of results: skip this many, then return at most {@code top}. */
public record PageRequest(int top, int skip) {

    public PageRequest {
        if (top < 1 || skip < 0) {
            throw new IllegalArgumentException("top must be positive and skip not negative: " + top + ", " + skip);
        }
    }
}
