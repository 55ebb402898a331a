package org.salesinsights.seeding.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlScriptTest {

    @TempDir
    Path dir;

    @Test
    void statementsKeepTheirLineNumbers() {
        SqlScript script = SqlScript.parse("mine", "\uFEFF-- a note\r\nINSERT INTO a VALUES (1);\r\n\r\n  "
                + "INSERT INTO a VALUES ('x -- not a note')  \nUPDATE a SET b = 1\r-- done");
        assertEquals(List.of(new SqlScript.Statement(2, "INSERT INTO a VALUES (1)"),
                new SqlScript.Statement(4, "INSERT INTO a VALUES ('x -- not a note')"),
                new SqlScript.Statement(5, "UPDATE a SET b = 1")), script.statements());
    }

    @Test
    void theConfigurationNamesTheDemoAndFilesInOrder() throws Exception {
        Path mine = Files.writeString(dir.resolve("seed.sql"), "INSERT INTO t VALUES ('\u00e9')\n");
        List<SqlScript> scripts = SqlScript.load(" demo , " + mine + ",," + mine.toUri(),
                SqlScriptTest.class.getClassLoader());
        assertEquals(List.of("demo", mine.toString(), mine.toUri().toString()),
                scripts.stream().map(SqlScript::name).toList());
        assertTrue(scripts.get(0).statements().size() > 50, "the built-in demo data");
        assertEquals("INSERT INTO t VALUES ('\u00e9')", scripts.get(1).statements().get(0).sql(), "read as UTF-8");
        assertEquals(List.of(), SqlScript.load("", SqlScriptTest.class.getClassLoader()), "none configured");
    }

    @Test
    void aMissingScriptStopsTheStartWithItsName() {
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> SqlScript.load(dir.resolve("absent.sql").toString(), SqlScriptTest.class.getClassLoader()));
        assertTrue(missing.getMessage().startsWith("Seed script " + dir.resolve("absent.sql") + " cannot be read"),
                missing.getMessage());
    }
}
