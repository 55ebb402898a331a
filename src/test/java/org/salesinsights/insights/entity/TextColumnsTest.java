package org.salesinsights.insights.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.persistence.Column;

import org.junit.jupiter.api.Test;
import org.salesinsights.curation.control.TextRoom;
import org.salesinsights.insights.control.TextLimits;

/**
 * The columns that hold titles and descriptions agree with the unit the limits count (UTF-16 code units): every
 * text that write validation accepts fits, whatever it is made of. H2 sizes {@code VARCHAR} in UTF-16 units and
 * PostgreSQL in code points, never more than the UTF-16 count, so a column at least as wide as the limit holds any
 * accepted text on both. The columns are wider than the limits on purpose: seed files may store longer text
 * ({@code TextRoom.COLUMN}), which the read actions cut.
 */
class TextColumnsTest {

    private static final String FAMILY_TONED = "\uD83D\uDC68\uD83C\uDFFD\u200D\uD83D\uDC69\uD83C\uDFFD\u200D"
            + "\uD83D\uDC67\uD83C\uDFFD\u200D\uD83D\uDC66\uD83C\uDFFD"; // 1 grapheme, 19 UTF-16 units

    @Test
    void theScriptTheEntitiesAndTheLimitsAgree() throws Exception {
        String schema = script("V1__schema.sql");
        for (String table : new String[] {"insight", "insight_translation"}) {
            Class<?> entity = table.equals("insight") ? Insight.class : InsightTranslation.class;
            int title = width(schema, table, "title");
            int description = width(schema, table, "description");
            assertEquals(entity.getDeclaredField("title").getAnnotation(Column.class).length(), title, table);
            assertEquals(entity.getDeclaredField("description").getAnnotation(Column.class).length(), description,
                    table);
            assertTrue(title >= TextLimits.TITLE_MAX, table);
            assertTrue(description >= TextLimits.DESCRIPTION_MAX, table);
            // what seed files may store: the columns' width exactly, counted in the unit that bounds both databases'
            assertEquals(title, TextRoom.COLUMN.title(), table);
            assertEquals(description, TextRoom.COLUMN.description(), table);
        }
    }

    @Test
    void theLongestAcceptedTextsOfAnyMakeAreStoredWhole() throws Exception {
        String[] titles = {"a".repeat(20), "\uD83C\uDDE9\uD83C\uDDEA".repeat(5), FAMILY_TONED + "x",
            "e\u0301".repeat(10), "\u200F\u05E9\u05C1\u05B8\u05DC\u05D5\u05B9\u05DD".repeat(2) + "\u05D0\u05D1\u05D2\u05D3"};
        try (Connection db = DriverManager.getConnection("jdbc:h2:mem:text-columns");
                Statement sql = db.createStatement()) {
            for (String line : script("V1__schema.sql").split("\n")) {
                if (!line.isBlank() && !line.startsWith("--")) {
                    sql.execute(line.replaceFirst(";\\s*$", ""));
                }
            }
            sql.execute("INSERT INTO crm_organization (id, crm_type, host) VALUES (1, 'Dynamics 365', 'x.example')");
            sql.execute("INSERT INTO crm_record (id, organization_id, record_type, record_id)"
                    + " VALUES (1, 1, 'opportunity', 'r')");
            long id = 1;
            for (String title : titles) {
                assertEquals(TextLimits.TITLE_MAX, TextLimits.length(title), title);
                assertEquals(TextLimits.DESCRIPTION_MAX, TextLimits.length(title.repeat(6) + "0123456789"), title);
                String description = title.repeat(6) + "0123456789";
                try (PreparedStatement insert = db.prepareStatement("INSERT INTO insight (id, crm_record_id, title,"
                        + " description) VALUES (?, 1, ?, ?)")) {
                    insert.setLong(1, id);
                    insert.setString(2, title);
                    insert.setString(3, description);
                    insert.executeUpdate();
                }
                try (ResultSet stored = sql.executeQuery("SELECT title, description FROM insight WHERE id = " + id)) {
                    assertTrue(stored.next());
                    assertEquals(title, stored.getString(1));
                    assertEquals(description, stored.getString(2));
                }
                id++;
            }
        }
    }

    private static int width(String schema, String table, String column) {
        Matcher create = Pattern.compile("CREATE TABLE IF NOT EXISTS " + table + " \\((.*)\\)").matcher(schema);
        assertTrue(create.find(), table);
        Matcher width = Pattern.compile("\\b" + column + " VARCHAR\\((\\d+)\\)").matcher(create.group(1));
        assertTrue(width.find(), table + "." + column);
        return Integer.parseInt(width.group(1));
    }

    private static String script(String name) throws IOException {
        try (InputStream in = TextColumnsTest.class.getResourceAsStream("/db/migration/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }
}
