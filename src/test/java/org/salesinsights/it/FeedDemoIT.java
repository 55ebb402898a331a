package org.salesinsights.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The feeder to copy, {@code examples/feed-demo.sh} (issue 14), run as a reader of docs/feeds.md runs it: against a
 * service in demo mode whose demo data lists the script's application among Contoso's feeders, twice. The first run
 * creates every item, the second changes nothing, and both end with the same Key sales info answer; a service that
 * cannot be reached, or has no demo token desk, ends it with a message and a failure.
 */
@ExtendWith(ArquillianExtension.class)
class FeedDemoIT {

    private static final Path SCRIPT = Path.of("examples/feed-demo.sh");
    private static final Pattern ITEM = Pattern.compile("(put|delete) ([a-z-]+/[A-Z0-9-]+) -> (\\d{3}) ([a-z]+)");
    private static final Pattern FED_MOST = Pattern.compile("Key sales info for (opportunity) ([0-9a-f-]{36})"
            + " \\(.*, (\\d+) items fed\\), as a Contoso seller reads it:");

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return DemoModeIT.inDemoMode();
    }

    @Test
    void aSecondRunChangesNothingAndEndsWithTheSameKeySalesInfo() {
        Run first = run(baseUrl());
        assertEquals(0, first.exit(), first::toString);
        List<String> firstItems = itemLines(first);
        assertTrue(firstItems.size() >= 10, first::toString);
        for (String item : firstItems) {
            Matcher line = ITEM.matcher(item);
            assertTrue(line.matches(), item);
            assertEquals(line.group(1).equals("put") ? "201 created" : "204 absent",
                    line.group(3) + " " + line.group(4), item);
        }
        assertTrue(firstItems.stream().anyMatch(i -> i.startsWith("put quotes/"))
                && firstItems.stream().anyMatch(i -> i.startsWith("put support-cases/"))
                && firstItems.stream().anyMatch(i -> i.startsWith("put contracts/")), first::toString);

        Run second = run(baseUrl());
        assertEquals(0, second.exit(), second::toString);
        List<String> secondItems = itemLines(second);
        assertEquals(firstItems.size(), secondItems.size(), second::toString);
        for (int i = 0; i < firstItems.size(); i++) {
            assertEquals(firstItems.get(i).replace("201 created", "200 unchanged"), secondItems.get(i),
                    "a second run sends what the first did, which changes nothing");
        }
        assertEquals(first.last(), second.last(), "the same Key sales info answer");

        // the last line is the answer a Contoso seller reads for the record the script fed most: its first page
        Matcher fedMost = FED_MOST.matcher(first.lines().get(first.lines().size() - 2));
        assertTrue(fedMost.matches(), first::toString);
        int fed = Integer.parseInt(fedMost.group(3));
        assertTrue(fed >= 10, "one record with ten items or more");
        JsonObject answer = Http.json(first.last());
        JsonArray page = answer.getJsonArray("value");
        assertEquals(5, page.size(), first::last); // the default page
        assertTrue(answer.getBoolean("hasMoreResults"), first::last);
        String seller = "Bearer " + Http.json(Http.get(uri("api/demo/token?tenantId=" + TestTokens.CONTOSO),
                "Accept", "application/json")).getString("accessToken");
        String record = "api/v1/opportunity-insights?recordType=" + fedMost.group(1) + "&recordId=" + fedMost.group(2)
                + "&crmType=Dynamics%20365";
        HttpResponse<String> all = Http.get(uri(record + "&top=12"), "Authorization", seller);
        assertEquals(200, all.statusCode(), all::body);
        JsonArray insights = Http.json(all).getJsonArray("value");
        assertEquals(fed, insights.size(), "the record holds what the script fed it, and nothing else: " + all.body());
        assertEquals(insights.subList(0, 5), page, "the last line is the record's first page");
    }

    @Test
    void aServiceThatCannotBeReachedOrIsNotInDemoModeEndsItWithAMessage() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Run unreachable = run("http://127.0.0.1:" + closed);
        assertEquals(1, unreachable.exit(), unreachable::toString);
        assertTrue(unreachable.errors().contains("feed-demo: cannot reach http://127.0.0.1:" + closed),
                unreachable::toString);
        assertEquals(List.of(), unreachable.lines());

        // no demo token desk there: what a service outside demo mode answers
        Run noDesk = run(baseUrl() + "elsewhere");
        assertEquals(1, noDesk.exit(), noDesk::toString);
        assertTrue(noDesk.errors().contains("is 404: the service is not in demo mode"), noDesk::toString);
        assertEquals(List.of(), noDesk.lines());
    }

    /** The service under the loopback address: the demo token desk answers only to a loopback Host. */
    private String baseUrl() {
        return "http://127.0.0.1:" + base.getPort() + base.getPath();
    }

    private URI uri(String relative) {
        return URI.create(baseUrl()).resolve(relative);
    }

    private static List<String> itemLines(Run run) {
        return run.lines().stream().filter(l -> l.startsWith("put ") || l.startsWith("delete ")).toList();
    }

    /** {@code bash examples/feed-demo.sh <base url>}, from the project's folder, as docs/feeds.md runs it. */
    private static Run run(String baseUrl) {
        try {
            Path out = Files.createTempFile("feed-demo", ".out");
            Path err = Files.createTempFile("feed-demo", ".err");
            try {
                Process script = new ProcessBuilder("bash", SCRIPT.toString(), baseUrl)
                        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                script.getOutputStream().close();
                if (!script.waitFor(3, TimeUnit.MINUTES)) {
                    script.destroyForcibly();
                    throw new AssertionError("examples/feed-demo.sh did not end within 3 minutes: "
                            + Files.readString(err, StandardCharsets.UTF_8));
                }
                return new Run(script.exitValue(), Files.readAllLines(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** What one run of the script did: its exit status, its output's lines and its error output. */
    private record Run(int exit, List<String> lines, String errors) {

        String last() {
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n" + String.join("\n", lines) + "\n" + errors;
        }
    }
}
