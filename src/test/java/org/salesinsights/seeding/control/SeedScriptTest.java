package org.salesinsights.seeding.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedScriptTest {

    @TempDir
    Path dir;

    @Test
    void theConfigurationNamesTheDemoAndFilesInOrder() throws Exception {
        Path mine = Files.writeString(dir.resolve("seed.json"), "{\"tenants\": [], \"note\": \"\u00e9\"}\n");
        List<SeedScript> scripts = SeedScript.load(" demo , " + mine + ",," + mine.toUri(),
                SeedScriptTest.class.getClassLoader());
        assertEquals(List.of("demo", mine.toString(), mine.toUri().toString()),
                scripts.stream().map(SeedScript::name).toList());
        assertTrue(scripts.get(0).isDemo() && scripts.get(0).text().contains("\"tenants\""), "the built-in demo data");
        assertTrue(scripts.get(1).text().contains("\u00e9"), "read as UTF-8");
        assertEquals(scripts.get(1).checksum(), scripts.get(2).checksum(), "the same text is the same script");
        assertNotEquals(scripts.get(0).checksum(), scripts.get(1).checksum());
        assertEquals(List.of(), SeedScript.load("", SeedScriptTest.class.getClassLoader()), "none configured");
    }

    @Test
    void aScriptOfTheRetiredSqlFormatIsKnownByItsName() {
        assertTrue(SeedScript.of("/etc/sales-insights/seed.SQL", "INSERT INTO t VALUES (1)").isSql());
        assertFalse(SeedScript.of("/etc/sales-insights/seed.json", "{}").isSql());
        assertFalse(SeedScript.of(SeedScript.DEMO, "{}").isSql());
    }

    @Test
    void aMissingScriptStopsTheStartWithItsName() {
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> SeedScript.load(dir.resolve("absent.json").toString(), SeedScriptTest.class.getClassLoader()));
        assertTrue(missing.getMessage().startsWith("Seed script " + dir.resolve("absent.json") + " cannot be read"),
                missing.getMessage());
    }
}
