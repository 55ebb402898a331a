package org.salesinsights.insights.control;

/**
 * How many insights a page holds when the caller does not say ({@code defaultTop}) and at most
 * ({@code maxTop}); larger requests are clamped, not refused, as the Sales app cannot correct them.
 */
public record PagingLimits(int defaultTop, int maxTop) {

    public PagingLimits {
        if (maxTop < 1 || defaultTop < 1 || defaultTop > maxTop) {
            throw new IllegalArgumentException(
                    "paging limits need 1 <= defaultTop <= maxTop, got " + defaultTop + " and " + maxTop);
        }
    }
}
