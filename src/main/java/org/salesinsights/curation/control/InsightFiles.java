package org.salesinsights.curation.control;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.salesinsights.insights.control.CrmRecordKey;
import org.salesinsights.insights.control.InsightsQueryParser;
import org.salesinsights.platform.errors.ApiException;
import org.salesinsights.platform.errors.ErrorCode;
import org.salesinsights.platform.requests.JsonBodies;

/**
 * Reads the bulk files of insights ({@link InsightFileWriter} writes them), JSON and CSV, with the same fields: the record (crmType, orgUrl,
 * recordType, recordId, recordName), the insight's key, the insight as curators write it, whether curators hid it
 * ({@code hidden}) and, for a fed insight, the feed's name for it ({@code source}, {@code externalId}), so that a fed
 * insight brought back by an import is still the one its feed replaces. Reading checks every row and reports every
 * problem by line at once (400 {@code INVALID_PARAMETER}, {@code details} by line and field); a file written here
 * reads back as the same rows. A file without {@code hidden}, {@code source} and {@code externalId} (one written
 * before feeds) reads as before: the rows do not say, and an import leaves those as they are.
 *
 * <p>JSON is {@code {"insights": [ {...}, ... ]}}, and carries translations; CSV has a header row naming its
 * columns in any order, one insight per row, {@code additionalProperties} as a JSON object in one cell, and no
 * translations. Cells a spreadsheet would run as a formula (starting with = + - @) are written with a leading
 * apostrophe, which reading takes off again.
 */
public final class InsightFiles {

    public static final int MAX_ROWS = 10_000;
    /** The most problems an answer lists; the rest are counted ({@code notListed}), so the answer stays small. */
    public static final int MAX_LISTED_PROBLEMS = 100;
    public static final int MAX_RECORD_NAME = 200;
    static final List<String> COLUMNS = List.of("crmType", "orgUrl", "recordType", "recordId", "recordName", "key",
            "source", "externalId", "title", "description", "url", "dateTime", "pinned", "priority", "hidden",
            "language", "visibleFrom", "visibleUntil", "additionalProperties");
    private static final Set<String> REQUIRED_COLUMNS = Set.of("orgUrl", "recordType", "recordId", "key", "title",
            "description");
    /** Text cells that could start with a formula character; the others cannot (times, numbers, JSON, keys). */
    static final Set<String> FREE_TEXT = Set.of("recordName", "title", "description");
    static final CSVFormat CSV = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    private InsightFiles() {
    }

    public static Read readJson(String body, InsightsQueryParser records) {
        List<Problem> problems = new ArrayList<>();
        List<InsightRow> rows = new ArrayList<>();
        List<RelatedRecordFiles.Row> related = new ArrayList<>();
        JsonBodies.requireShallow(body);
        try (JsonParser parser = Json.createParser(new StringReader(body))) {
            expect(parser, JsonParser.Event.START_OBJECT);
            expectInsightsArray(parser);
            entries(parser, records, TextRoom.CARD, rows, problems);
            JsonParser.Event next = parser.next();
            if (next == JsonParser.Event.KEY_NAME && parser.getString().equals("relatedRecords")) {
                if (parser.next() != JsonParser.Event.START_ARRAY) {
                    throw notAFile("JSON", "\"relatedRecords\" must be a list.");
                }
                RelatedRecordFiles.read(parser, records, related, (line, fields) -> {
                    int index = rows.size() + problems.size() + related.size() + 1;
                    tooMany(index);
                    problems.add(new Problem(line, index, fields));
                });
                tooMany(rows.size() + problems.size() + related.size());
                next = parser.next();
            }
            if (next != JsonParser.Event.END_OBJECT) {
                throw notAFile("JSON", "it must hold only \"insights\" and then \"relatedRecords\".");
            }
        } catch (JsonParsingException e) {
            throw notAFile("JSON", "it is not valid JSON at line " + e.getLocation().getLineNumber() + ", column "
                    + e.getLocation().getColumnNumber() + ".");
        } catch (JsonException | IllegalStateException | java.util.NoSuchElementException e) {
            throw notAFile("JSON", "it must be {\"insights\": [ ... ]}.");
        } catch (IllegalArgumentException e) { // a number beyond what a decimal holds, such as 1e9999999999
            throw notAFile("JSON", "it holds a number too large to read.");
        }
        Read read = checked(rows, problems);
        return some(new Read(read.rows(), relatedChecked(related, read.problems()), related));
    }

    /** Adds a problem for every related record that an earlier one of the file names (CRM record and recordId). */
    private static List<Problem> relatedChecked(List<RelatedRecordFiles.Row> related, List<Problem> problems) {
        List<Problem> all = new ArrayList<>(problems);
        Map<String, Integer> seen = new HashMap<>();
        for (RelatedRecordFiles.Row row : related) {
            CrmRecordKey record = row.crmRecord();
            Integer first = seen.putIfAbsent(record.crmType() + " " + record.orgHost().orElseThrow() + " "
                    + record.recordType() + " " + record.recordId() + " " + row.document().recordId(), row.line());
            if (first != null) {
                all.add(new Problem(row.line(), all.size() + 1, Map.of("recordId", "names the same related record"
                        + " of the same CRM record as line " + first + ".")));
            }
        }
        return all;
    }

    /**
     * Reads the entries of an array of insights, as a JSON file holds them, from a parser that has just read the
     * array's start, through its end; every entry is checked, and its problems are listed by line. A seed file holds
     * such an array too ({@code org.salesinsights.seeding}), with longer text allowed ({@link TextRoom#COLUMN}).
     */
    public static Read readInsights(JsonParser parser, InsightsQueryParser records, TextRoom room) {
        List<Problem> problems = new ArrayList<>();
        List<InsightRow> rows = new ArrayList<>();
        entries(parser, records, room, rows, problems);
        return checked(rows, problems);
    }

    private static void entries(JsonParser parser, InsightsQueryParser records, TextRoom room,
            List<InsightRow> rows, List<Problem> problems) {
        JsonParser.Event event;
        while ((event = parser.next()) != JsonParser.Event.END_ARRAY) {
            int line = (int) parser.getLocation().getLineNumber();
            int index = rows.size() + problems.size() + 1;
            tooMany(index); // whatever the entry is: 200,000 numbers are no smaller a file than 200,000 insights
            if (event != JsonParser.Event.START_OBJECT) {
                problems.add(new Problem(line, index, Map.of("insight", "must be an insight object.")));
                if (event == JsonParser.Event.START_ARRAY) {
                    parser.skipArray();
                }
                continue;
            }
            InsightRowChecks.row(line, index, parser.getObject(), records, room, rows, problems);
        }
    }

    public static Read readCsv(String body, InsightsQueryParser records) {
        String text = body.startsWith("\uFEFF") ? body.substring(1) : body; // spreadsheets write a byte order mark
        if (!text.endsWith("\n") && !text.endsWith("\r")) {
            text += "\r\n"; // so that every record ends with a line break, and the line count is right for the last
        }
        List<Problem> problems = new ArrayList<>();
        List<InsightRow> rows = new ArrayList<>();
        try (CSVParser parser = CSV.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text))) {
            List<String> header = parser.getHeaderNames();
            List<String> unknown = header.stream().filter(name -> !COLUMNS.contains(name)).toList();
            List<String> missing = REQUIRED_COLUMNS.stream().filter(name -> !header.contains(name)).sorted().toList();
            if (!unknown.isEmpty() || !missing.isEmpty()) {
                Map<String, Object> columns = new LinkedHashMap<>();
                unknown.forEach(name -> columns.put(name, "is not a known column."));
                missing.forEach(name -> columns.put(name, "is a required column."));
                throw new ApiException(ErrorCode.INVALID_PARAMETER, "The CSV file's first line must name its columns,"
                        + " from: " + String.join(", ", COLUMNS) + ".", Map.of(at(1), columns));
            }
            for (CSVRecord record : parser) {
                // the parser counts the line breaks it has read, through the one that ends this record
                int line = (int) parser.getCurrentLineNumber() - lineBreaks(record);
                int index = rows.size() + problems.size() + 1;
                tooMany(index);
                if (!record.isConsistent()) {
                    problems.add(new Problem(line, index, Map.of("cells", "are " + record.size()
                            + "; the header names " + header.size() + ".")));
                    continue;
                }
                InsightRowChecks.row(line, index, cells(record.toMap()), records, TextRoom.CARD, rows, problems);
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw notAFile("CSV", "it is not valid CSV (" + csvReason(e) + ").");
        }
        return some(checked(rows, problems));
    }

    /** An apostrophe before a formula character: how a defused cell is written (so one that has it gets another). */
    static boolean escaped(String cell) {
        return cell.startsWith("'") && (formulaLike(cell.substring(1)) || escaped(cell.substring(1)));
    }

    static boolean formulaLike(String cell) {
        return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0;
    }

    /** A CSV row as the JSON object a JSON file would hold: typed values, empty cells left out. */
    private static JsonObject cells(Map<String, String> record) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        for (Map.Entry<String, String> cell : record.entrySet()) {
            String name = cell.getKey();
            String value = cell.getValue() == null ? "" : cell.getValue();
            if (value.isBlank()) {
                continue;
            }
            if (FREE_TEXT.contains(name) && escaped(value)) {
                value = value.substring(1);
            }
            switch (name) {
                case "pinned", "hidden" -> json.add(name, "true".equalsIgnoreCase(value.strip()) ? JsonValue.TRUE
                        : "false".equalsIgnoreCase(value.strip()) ? JsonValue.FALSE : Json.createValue(value));
                case "priority" -> json.add(name, integer(value).map(n -> (JsonValue) Json.createValue(n))
                        .orElse(Json.createValue(value)));
                case "additionalProperties" -> json.add(name, object(value).map(o -> (JsonValue) o)
                        .orElse(Json.createValue(value)));
                default -> json.add(name, value);
            }
        }
        return json.build();
    }

    private static Optional<Long> integer(String text) {
        try {
            return Optional.of(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Commons CSV's reason without the Java exception classes it wraps it in. */
    static String csvReason(Exception e) {
        Throwable reason = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        String message = String.valueOf(reason.getMessage());
        return message.replaceAll("(?:[a-z]\\w*\\.)+[A-Z]\\w*(?:Exception|Error): ?", "").strip();
    }

    private static Optional<JsonObject> object(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            JsonBodies.requireShallow(text);
            return Optional.of(reader.readObject());
        } catch (JsonException | IllegalStateException | IllegalArgumentException | ApiException e) {
            return Optional.empty();
        }
    }

    /**
     * The problems of one insight of a file, by field.
     *
     * @param line where it starts in the file
     * @param index which insight of the file it is (from 1): two can start on one line
     */
    public record Problem(int line, int index, Map<String, Object> fields) {

        public Problem {
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }
    }

    /**
     * The rows of a file that passed the checks, and the problems of the others: an import adds what it finds
     * (unregistered organizations) before it reports them all.
     */
    public record Read(List<InsightRow> rows, List<Problem> problems, List<RelatedRecordFiles.Row> relatedRecords) {

        public Read {
            rows = List.copyOf(rows);
            problems = List.copyOf(problems);
            relatedRecords = List.copyOf(relatedRecords);
        }

        /** Insights only (a CSV file, a seed's insights). */
        public Read(List<InsightRow> rows, List<Problem> problems) {
            this(rows, problems, List.of());
        }

        /** The rows, if there are no problems; else 400 listing them all. */
        public List<InsightRow> orThrow() {
            if (!problems.isEmpty()) {
                throw InsightFiles.problems(problems);
            }
            return rows;
        }
    }

    /** A file to import must hold something: an empty one is more likely a mistake than a wish. */
    private static Read some(Read read) {
        if (read.rows().isEmpty() && read.problems().isEmpty() && read.relatedRecords().isEmpty()) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "The file holds no insights.");
        }
        return read;
    }

    /**
     * Adds a problem for every row that names an insight an earlier row names: by its record and key, or, for a fed
     * one, by its organization, source and external id (one insight per feed name, as V5's uq_insight_feed keeps it).
     */
    private static Read checked(List<InsightRow> rows, List<Problem> problems) {
        Map<String, Integer> seen = new HashMap<>();
        Map<String, Integer> fed = new HashMap<>();
        for (InsightRow row : rows) {
            Map<String, Object> found = new LinkedHashMap<>();
            Integer first = seen.putIfAbsent(row.identity(), row.line());
            if (first != null) {
                found.put("key", "names the same insight of the same record as line " + first + ".");
            }
            Integer firstFed = row.fed() == null ? null : fed.putIfAbsent(row.fedIdentity(), row.line());
            if (firstFed != null) {
                found.put("externalId", "names the same fed insight of the organization (source " + row.fed().source()
                        + ") as line " + firstFed + ".");
            }
            if (!found.isEmpty()) {
                problems.add(new Problem(row.line(), row.index(), found));
            }
        }
        return new Read(rows, problems);
    }

    /**
     * 400 listing every problem by line ({@code "line 7"}; {@code "line 1, insight 3"} where several insights start
     * on one line), in the file's order; nothing was imported.
     */
    public static ApiException problems(List<Problem> problems) {
        Map<Integer, Problem> byInsight = new TreeMap<>();
        for (Problem problem : problems) {
            byInsight.merge(problem.index(), problem, (a, b) -> {
                Map<String, Object> fields = new LinkedHashMap<>(a.fields());
                b.fields().forEach(fields::putIfAbsent);
                return new Problem(a.line(), a.index(), fields);
            });
        }
        Map<Integer, Long> perLine = byInsight.values().stream()
                .collect(Collectors.groupingBy(Problem::line, Collectors.counting()));
        Map<String, Object> details = new LinkedHashMap<>();
        byInsight.values().stream().sorted(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::index))
                .limit(MAX_LISTED_PROBLEMS)
                .forEach(p -> details.put(perLine.get(p.line()) > 1 ? at(p.line()) + ", insight " + p.index()
                        : at(p.line()), p.fields()));
        int total = byInsight.size();
        int notListed = total - details.size();
        if (notListed > 0) {
            details.put(NOT_LISTED, notListed);
        }
        return new ApiException(ErrorCode.INVALID_PARAMETER, "The file has problems in " + total
                + (total == 1 ? " insight" : " insights") + "; nothing was imported. details lists "
                + (notListed > 0 ? "the first " + MAX_LISTED_PROBLEMS + " by line and counts the rest in "
                        + NOT_LISTED + "." : "them by line."), details);
    }

    /** The details key counting the problems not listed. */
    public static final String NOT_LISTED = "notListed";

    /** The details key for a line of a file. */
    public static String at(int line) {
        return "line " + line;
    }

    /** The line breaks in a record's cells: \n, \r\n or \r, as line numbers count them. */
    static int lineBreaks(CSVRecord record) {
        int breaks = 0;
        for (String cell : record) {
            for (int i = 0; i < cell.length(); i++) {
                char c = cell.charAt(i);
                if (c == '\n' || c == '\r' && (i + 1 == cell.length() || cell.charAt(i + 1) != '\n')) {
                    breaks++;
                }
            }
        }
        return breaks;
    }

    /** Refuses the file at its entry number {@code index} (from 1) if that is one more than the limit. */
    private static void tooMany(int index) {
        if (index > MAX_ROWS) {
            throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "A file may hold at most " + MAX_ROWS
                    + " insights; split it.");
        }
    }

    private static void expect(JsonParser parser, JsonParser.Event expected) {
        if (!parser.hasNext() || parser.next() != expected) {
            throw notAFile("JSON", "it must be {\"insights\": [ ... ]}.");
        }
    }

    private static void expectInsightsArray(JsonParser parser) {
        if (!parser.hasNext() || parser.next() != JsonParser.Event.KEY_NAME || !"insights".equals(parser.getString())
                || !parser.hasNext() || parser.next() != JsonParser.Event.START_ARRAY) {
            throw notAFile("JSON", "it must be {\"insights\": [ ... ]}.");
        }
    }

    private static ApiException notAFile(String format, String why) {
        return new ApiException(ErrorCode.INVALID_PARAMETER, "The file cannot be read as " + format + ": " + why);
    }
}
