package org.salesinsights.seeding.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A seed script: one SQL statement per line, as the JPA load scripts are written; blank lines and lines starting
 * with {@code --} are skipped, a trailing {@code ;} is dropped. Each statement keeps its line number, so that a
 * failure names the line to fix.
 */
public record SqlScript(String name, String checksum, List<Statement> statements) {

    /** The name that stands for the built-in demo data. */
    public static final String DEMO = "demo";
    static final String DEMO_RESOURCE = "META-INF/sql/demo-data.sql";

    public SqlScript {
        statements = List.copyOf(statements);
    }

    public record Statement(int line, String sql) {
    }

    public static SqlScript parse(String name, String text) {
        List<Statement> statements = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1).strip();
            }
            if (line.isEmpty() || line.startsWith("--")) {
                continue;
            }
            if (line.endsWith(";")) {
                line = line.substring(0, line.length() - 1).strip();
            }
            statements.add(new Statement(i + 1, line));
        }
        return new SqlScript(name, sha256(text), statements);
    }

    /** The script's identity in the seed ledger: a changed text is a new script. */
    static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * The scripts a configuration names, in order: {@code demo} for the built-in demo data, else the path of a
     * UTF-8 file on the server (or its {@code file:} URL).
     */
    public static List<SqlScript> load(String locations, ClassLoader resources) {
        List<SqlScript> scripts = new ArrayList<>();
        for (String location : locations.split(",")) {
            String name = location.strip();
            if (!name.isEmpty()) {
                scripts.add(parse(name, read(name, resources)));
            }
        }
        return scripts;
    }

    private static String read(String location, ClassLoader resources) {
        try {
            if (location.equals(DEMO)) {
                try (InputStream demo = resources.getResourceAsStream(DEMO_RESOURCE)) {
                    if (demo == null) {
                        throw new IllegalStateException("the demo script " + DEMO_RESOURCE + " is missing");
                    }
                    return new String(demo.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            Path path = location.startsWith("file:") ? Path.of(java.net.URI.create(location)) : Path.of(location);
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException | IllegalArgumentException e) { // also InvalidPathException
            throw new IllegalStateException("Seed script " + location + " cannot be read (" + e + "); set"
                    + " insights.seed.scripts to 'demo' or to the paths of UTF-8 files on the server.", e);
        }
    }
}
