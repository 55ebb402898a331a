package org.salesinsights.insights.control;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The span of insight times a record summary asks for ({@code startDateTime}, {@code endDateTime}), both ends
 * inclusive, in UTC; an end not given is open.
 */
public record TimeWindow(OffsetDateTime from, OffsetDateTime until) {

    /** Earlier and later than any stored time, and within what both databases store. */
    public static final OffsetDateTime EARLIEST = OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    public static final OffsetDateTime LATEST = OffsetDateTime.of(9999, 12, 31, 23, 59, 59, 0, ZoneOffset.UTC);
    static final int MAX_LENGTH = 64;

    /** The window of the two parameters; 400 naming the parameter when one is no time or the ends are reversed. */
    public static TimeWindow parse(String startDateTime, String endDateTime) {
        OffsetDateTime from = time("startDateTime", startDateTime, EARLIEST);
        OffsetDateTime until = time("endDateTime", endDateTime, LATEST);
        if (from.isAfter(until)) {
            throw new InvalidParameterException("endDateTime", "must not be earlier than startDateTime.");
        }
        return new TimeWindow(from, until);
    }

    private static OffsetDateTime time(String name, String value, OffsetDateTime absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidParameterException(name, "must be at most " + MAX_LENGTH + " characters.");
        }
        try {
            OffsetDateTime time = OffsetDateTime.parse(value.strip()).withOffsetSameInstant(ZoneOffset.UTC);
            // "no limit" written as a far date (.NET's DateTime.MaxValue is 9999-12-31T23:59:59.9999999Z)
            return time.isBefore(EARLIEST) ? EARLIEST : time.isAfter(LATEST) ? LATEST : time;
        } catch (DateTimeException e) { // not a time, or one beyond what a time can be in UTC
            throw new InvalidParameterException(name, "must be a date-time with its offset, such as"
                    + " 2026-11-25T09:30:00Z.");
        }
    }
}
