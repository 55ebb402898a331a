package org.salesinsights.platform;

/** What a cache did since the server started, for operators: its size and bound, hits, misses and evictions. */
public record CacheFigures(long size, long maxSize, long hits, long misses, double hitRate, long evictions) {
}
