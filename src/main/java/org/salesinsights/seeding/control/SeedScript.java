package org.salesinsights.seeding.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A seed script as the configuration names it ({@code insights.seed.scripts}): its name, its text and the SHA-256
 * of the text, which is its identity in the seed ledger (a changed text is a new script). The text is a seed file
 * ({@link SeedFile}); a name ending in {@code .sql} is a script of the SQL format of releases up to 0.2, which named
 * rows by numeric ids and so could land on another tenant's row: one that ran before is recognised and skipped, a
 * new one is refused.
 */
public record SeedScript(String name, String text, String checksum) {

    /** The name that stands for the built-in demo data. */
    public static final String DEMO = "demo";
    static final String DEMO_RESOURCE = "META-INF/seed/demo.json";

    public static SeedScript of(String name, String text) {
        return new SeedScript(name, text, sha256(text));
    }

    /** Whether it is the retired SQL format, by its name. */
    public boolean isSql() {
        return name.toLowerCase(Locale.ROOT).endsWith(".sql");
    }

    public boolean isDemo() {
        return DEMO.equals(name);
    }

    /**
     * The scripts a configuration names, in order: {@code demo} for the built-in demo data, else the path of a
     * UTF-8 file on the server (or its {@code file:} URL).
     */
    public static List<SeedScript> load(String locations, ClassLoader resources) {
        List<SeedScript> scripts = new ArrayList<>();
        for (String location : locations.split(",")) {
            String name = location.strip();
            if (!name.isEmpty()) {
                scripts.add(of(name, read(name, resources)));
            }
        }
        return scripts;
    }

    static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static String read(String location, ClassLoader resources) {
        try {
            if (location.equals(DEMO)) {
                try (InputStream demo = resources.getResourceAsStream(DEMO_RESOURCE)) {
                    if (demo == null) {
                        throw new IllegalStateException("the demo seed " + DEMO_RESOURCE + " is missing");
                    }
                    return new String(demo.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            Path path = location.startsWith("file:") ? Path.of(java.net.URI.create(location)) : Path.of(location);
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException | IllegalArgumentException e) { // also InvalidPathException, MalformedInputException
            throw new IllegalStateException("Seed script " + location + " cannot be read (" + e + "); set"
                    + " insights.seed.scripts to 'demo' or to the paths of UTF-8 files on the server.", e);
        }
    }
}
