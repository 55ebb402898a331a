package org.salesinsights.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.salesinsights.insights.entity.Insight;

/**
 * Ids for rows written beside EclipseLink come in the blocks EclipseLink takes: the sequence's next value is a
 * block's last id ("given sequence = 10, size = 5", EclipseLink makes 6 to 10), so neither ever hands out the other's.
 */
class SequenceIdsTest {

    @Test
    void aBlockEndsAtTheSequencesValueAndTheNextBlockBeginsAfterIt() throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:h2:mem:sequence-ids");
                Statement sql = db.createStatement()) {
            sql.execute("CREATE SEQUENCE insight_seq START WITH 1000 INCREMENT BY 50");
            SequenceIds ids = new SequenceIds(db, Insight.class);
            List<Long> taken = new ArrayList<>();
            for (int i = 0; i < 51; i++) {
                taken.add(ids.next());
            }
            assertEquals(951L, taken.get(0));
            assertEquals(1000L, taken.get(49), "the first block ends at the sequence's first value");
            assertEquals(1001L, taken.get(50), "the next block follows the sequence's next value, 1050");
            // what EclipseLink takes next: the block ending at the sequence's next value, past all of these
            try (var next = sql.executeQuery("SELECT NEXT VALUE FOR insight_seq")) {
                next.next();
                assertEquals(1100L, next.getLong(1));
            }
        }
    }
}
