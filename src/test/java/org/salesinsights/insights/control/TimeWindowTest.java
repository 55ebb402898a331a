package org.salesinsights.insights.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

class TimeWindowTest {

    @Test
    void endsAreReadWithTheirOffsetsInUtcAndMissingOnesAreOpen() {
        TimeWindow window = TimeWindow.parse("2026-11-10T09:00:00+01:00", " 2026-11-12T00:00:00.5Z ");
        assertEquals(OffsetDateTime.parse("2026-11-10T08:00:00Z"), window.from());
        assertEquals(OffsetDateTime.parse("2026-11-12T00:00:00.5Z"), window.until());
        assertEquals(new TimeWindow(TimeWindow.EARLIEST, TimeWindow.LATEST), TimeWindow.parse(null, " "));
        assertEquals(OffsetDateTime.parse("2026-11-10T08:00:00Z"),
                TimeWindow.parse("2026-11-10T08:00:00Z", "2026-11-10T08:00:00Z").until(), "one instant is a window");
    }

    @Test
    void aWrongEndIsNamed() {
        assertEquals("startDateTime", assertThrows(InvalidParameterException.class,
                () -> TimeWindow.parse("2026-11-10", null)).parameter(), "a date without a time and offset");
        assertEquals("endDateTime", assertThrows(InvalidParameterException.class,
                () -> TimeWindow.parse(null, "tomorrow")).parameter());
        assertEquals("endDateTime", assertThrows(InvalidParameterException.class,
                () -> TimeWindow.parse("2026-11-10T00:00:00Z", "2026-11-09T23:59:59Z")).parameter());
        assertEquals(new TimeWindow(TimeWindow.EARLIEST, TimeWindow.LATEST), TimeWindow.parse(
                "0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59.9999999Z"), "far ends mean no end");
        assertEquals(TimeWindow.LATEST, TimeWindow.parse(null, "+10000-01-01T00:00:00Z").until());
        assertEquals("startDateTime", assertThrows(InvalidParameterException.class,
                () -> TimeWindow.parse("2026-11-10T00:00:00Z" + " ".repeat(60), null)).parameter());
    }

    @Test
    void timesBeyondWhatUtcCanHoldAreAWrongEndNotAFailure() {
        // +999999999-12-31T23:59:59-18:00 is a valid OffsetDateTime whose UTC instant is past Instant's range
        assertEquals("startDateTime", assertThrows(InvalidParameterException.class,
                () -> TimeWindow.parse("+999999999-12-31T23:59:59-18:00", null)).parameter());
        assertEquals("endDateTime", assertThrows(InvalidParameterException.class,
                () -> TimeWindow.parse(null, "-999999999-01-01T00:00:00+18:00")).parameter());
    }
}
