package org.salesinsights.insights.boundary;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;

import jakarta.json.bind.adapter.JsonbAdapter;

/**
 * Writes an instant as the contract's UTC date-time: {@code 2023-09-07T03:42:35Z}, with exactly the fractional
 * seconds that were stored ({@code .4662Z}), never trailing zeros.
 */
public class UtcDateTimeAdapter implements JsonbAdapter<Instant, String> {

    static final DateTimeFormatter UTC = new DateTimeFormatterBuilder().appendInstant(-1).toFormatter();

    @Override
    public String adaptToJson(Instant instant) {
        return UTC.format(instant);
    }

    @Override
    public Instant adaptFromJson(String text) {
        return Instant.parse(text);
    }
}
