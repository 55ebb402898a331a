package org.salesinsights.curation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The fast reading of times gives what OffsetDateTime.parse gives, time for time and refusal for refusal. */
class IsoTimesTest {

    @Test
    void readsAsOffsetDateTimeParseReads() {
        List<String> texts = new ArrayList<>(List.of("2026-11-21T11:11:11Z", "2026-11-21T11:11:11.5Z",
                "2026-11-21T11:11:11.123456789Z", "2026-11-21T11:11:11.1234567891Z", "2026-11-21T11:11:11.Z",
                "2026-11-21T11:11:11+01:00", "2026-11-21T11:11:11-00:00", "2026-11-21T11:11:11.25-08:30",
                "2026-11-21T11:11:11+18:00", "2026-11-21T11:11:11+18:30", "2026-11-21T11:11:11+19:00",
                "2026-11-21T11:11:11+01:60", "2026-11-21T11:11:11+01:00:30", "2026-11-21T11:11Z",
                "2026-11-21t11:11:11z", "2026-02-29T00:00:00Z", "2024-02-29T00:00:00Z", "2026-13-01T00:00:00Z",
                "2026-04-31T00:00:00Z", "2026-11-21T24:00:00Z", "2026-11-21T23:60:00Z", "2026-11-21T23:59:60Z",
                "0000-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
                "+10000-01-01T00:00:00Z", "2026-11-21T11:11:11", "2026-11-21 11:11:11Z", "2026-11-21T11:11:11ZZ",
                "2026-11-21T11:11:11+0100", "2026-11-21T11:11:11+01", "٢٠٢٦-11-21T11:11:11Z", ""));
        Random random = new Random(14);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder(String.format("%04d-%02d-%02dT%02d:%02d:%02d", random.nextInt(10_000),
                    random.nextInt(14), random.nextInt(33), random.nextInt(26), random.nextInt(62), random.nextInt(62)));
            if (random.nextBoolean()) {
                text.append('.').append(String.valueOf(random.nextLong() & Long.MAX_VALUE), 0, 1 + random.nextInt(10));
            }
            text.append(random.nextInt(3) == 0 ? "Z" : String.format("%s%02d:%02d", random.nextBoolean() ? "+" : "-",
                    random.nextInt(20), random.nextInt(61)));
            texts.add(text.toString());
        }
        for (String text : texts) {
            OffsetDateTime expected;
            try {
                expected = OffsetDateTime.parse(text);
            } catch (DateTimeException e) {
                assertThrows(DateTimeException.class, () -> IsoTimes.parse(text), text);
                continue;
            }
            assertEquals(expected, IsoTimes.parse(text), text);
        }
    }
}
