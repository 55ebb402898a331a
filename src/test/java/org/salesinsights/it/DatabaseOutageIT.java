package org.salesinsights.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salesinsights.insights.boundary.AnswerCache;

/**
 * The database goes away while the server runs (the proxy in front of PostgreSQL stops answering) and comes back:
 * the action must answer within 2 seconds the whole time: from the cache, marked stale, for the stale-if-error time,
 * and with a retryable 503 for what is not cached and after that time; readiness must say DOWN within the request
 * deadline (a load balancer's probe must not hang on a dead network either), and both must recover without a
 * restart.
 */
@Tag("postgresql") // cuts the connection to PostgreSQL through DatabaseProxy (the postgresql profile)
class DatabaseOutageIT extends DeployedWar {

    private static final String RECORD = "api/v1/opportunity-insights?recordType=lead&recordId=3c59dc04-8a1e-4b2f-9d6c-7e5f4a3b2c10";
    /** A record no test reads before the outage, so that no node has it cached. */
    private static final String UNCACHED = "api/v1/opportunity-insights?recordType=contact&recordId=5d41402a-bc4b-4a76-b971-9d911017c592";
    private static final Duration BUDGET = Duration.ofSeconds(2);
    /** The server's insights.request.deadline-ms: the suite runs it with the default. */
    private static final Duration DEADLINE = Duration.ofMillis(1500);

    @Test
    void aDeadDatabaseGetsAFastRetryable503AndTheServiceRecoversByItself() throws Exception {
        assertEquals(200, read(RECORD, "before").statusCode());
        assertEquals(200, read(RECORD, "before, from the cache").statusCode());
        assertEquals(200, Http.get(health("/health/ready")).statusCode());

        PostgresTestSession.proxy().blackhole();
        long cut = System.nanoTime();
        try {
            // phase 1: what this node has cached is served for a while, marked stale (insights.cache.stale-if-error-
            // seconds, 5 in the tests' server options); what it has not is a fast, retryable 503
            HttpResponse<String> stale = within(Duration.ofSeconds(3), () -> timed(RECORD, "stale"),
                    r -> r.headers().firstValue(AnswerCache.STALE_HEADER).isPresent());
            assertEquals(200, stale.statusCode(), stale::body);
            assertEquals(2, Http.json(stale).getJsonArray("value").size());
            assertUnavailable(timed(UNCACHED, "outage-uncached"), "outage-uncached");
            // phase 2: past the stale-if-error time, 503 for every record
            HttpResponse<String> unavailable = within(Duration.ofSeconds(10), () -> timed(RECORD, "outage-late"),
                    r -> r.statusCode() == 503);
            assertTrue(Duration.ofNanos(System.nanoTime() - cut).getSeconds() >= 4, "the stale answers ended early");
            assertUnavailable(unavailable, "outage-late");
            for (int call = 0; call < 2; call++) {
                assertUnavailable(timed(RECORD, "outage-" + call), "outage-" + call);
            }
            // every probe is DOWN within the deadline; the connection attempts
            // the database leaves hanging last several seconds each, so later probes find one still running
            for (int probe = 0; probe < 4; probe++) {
                long start = System.nanoTime();
                HttpResponse<String> ready = Http.get(health("/health/ready"));
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                assertEquals(503, ready.statusCode(), ready::body);
                assertEquals("DOWN", Http.json(ready).getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                        .filter(check -> check.getString("name").equals("insights-database")).findFirst()
                        .orElseThrow(() -> new AssertionError(ready.body())).getString("status"), ready::body);
                assertTrue(took.compareTo(DEADLINE) < 0, "readiness answered after " + took.toMillis() + " ms");
            }
            assertEquals(200, Http.get(health("/health/live")).statusCode(), "an outage of the database is not death");
        } finally {
            PostgresTestSession.proxy().restore();
        }

        HttpResponse<String> recovered = within(Duration.ofSeconds(30), () -> read(RECORD, "recovered"),
                r -> r.statusCode() == 200 && r.headers().firstValue(AnswerCache.STALE_HEADER).isEmpty());
        assertEquals(2, Http.json(recovered).getJsonArray("value").size());
        within(Duration.ofSeconds(20), () -> Http.get(health("/health/ready")), r -> r.statusCode() == 200);
    }

    private HttpResponse<String> read(String record, String activityId) {
        return Http.get(uri(record), "x-ms-client-request-id", activityId, "Authorization",
                TestTokens.bearer(TestTokens.CONTOSO));
    }

    /** The read, which must answer within the budget whatever the database does. */
    private HttpResponse<String> timed(String record, String activityId) {
        long start = System.nanoTime();
        HttpResponse<String> response = read(record, activityId);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(BUDGET) < 0, "answered after " + took.toMillis() + " ms");
        return response;
    }

    private static void assertUnavailable(HttpResponse<String> response, String activityId) {
        assertEquals(503, response.statusCode(), response::body);
        assertTrue(response.headers().firstValue("Retry-After").isPresent(), "no Retry-After");
        JsonObject error = Http.json(response);
        assertEquals("SERVICE_UNAVAILABLE", error.getString("errorCode"));
        assertEquals(activityId, error.getString("activityId"));
    }

    private static HttpResponse<String> within(Duration limit, Supplier<HttpResponse<String>> call,
            Predicate<HttpResponse<String>> done) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        HttpResponse<String> last = call.get();
        while (!done.test(last)) {
            HttpResponse<String> seen = last;
            assertTrue(System.nanoTime() < end, () -> "still " + seen.statusCode() + " after " + limit + ": " + seen.body());
            Thread.sleep(250);
            last = call.get();
        }
        return last;
    }

    private URI uri(String relative) {
        try {
            return base.toURI().resolve(relative);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Payara serves MicroProfile Health at the root of the HTTP port, WildFly on its management port. */
    private URI health(String path) {
        String healthBase = System.getProperty("insights.it.healthBase");
        return healthBase == null ? uri(path) : URI.create(healthBase).resolve(path.substring(1));
    }
}
