import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The feed half of bench/feeds.sh: feeds RECORDS x INSIGHTS insights (3 properties each, the rows
 * bench/LoadBenchData.java writes) through {@code POST /api/feed/v1/batches}, BATCH items a call, FEEDERS calls at a
 * time as a feeder's workers send them (each sends its next batch when its last one is answered), while a read load of READ_RATE calls a second asks the Key sales info action for
 * random records of the benchmark's data set. Reads are sent at a fixed rate, not one after the other: a slow answer
 * does not hold back the next call, so the latencies count the time a read waited to be sent (no coordinated
 * omission). Prints one line: {@code feed_result <insights/s> <seconds> <reads> <p50_ms> <p99_ms> <read_errors>}.
 *
 * <p>Every item must come back {@code created}: anything else (a refusal, a 4xx or 5xx of a batch) fails the run.
 *
 * <p>java bench/FeedBench.java BASE_URL FEED_TOKEN READ_TOKEN FIRST_RECORD RECORDS INSIGHTS BATCH READ_RATE
 * READ_RECORDS FEEDERS
 */
public class FeedBench {

    static final String HOST = "bench.crm.dynamics.com";
    static final String[][] PROPERTIES = {{"Stage", "Propose"}, {"Owner", "Tony Benis"}, {"Amount", null}};

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Exception | Error e) { // the read load's threads would keep the JVM, and the script, waiting
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    static void run(String[] args) throws Exception {
        String base = args[0];
        String feedToken = args[1];
        String readToken = args[2];
        long firstRecord = Long.parseLong(args[3]);
        int records = Integer.parseInt(args[4]);
        int insights = Integer.parseInt(args[5]);
        int batch = Integer.parseInt(args[6]);
        int readRate = Integer.parseInt(args[7]);
        int readRecords = Integer.parseInt(args[8]);
        int feederCount = Integer.parseInt(args[9]);
        // HTTP/1.1 as the connector and nginx speak to the servers: the client would otherwise upgrade to HTTP/2 and
        // multiplex every read on one connection, which is neither how the service is called nor what it is tuned for
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();

        List<Batch> batches = batches(firstRecord, records, insights, batch);
        Reads reads = new Reads(http, base, readToken, readRate, readRecords);
        reads.start();
        long start = System.nanoTime();
        // FEEDERS batches in flight at a time, as a busy application's workers send them: the server checks one while
        // it writes another (an organization's writes take turns), so one feeder leaves a core idle in turn
        Queue<Batch> queue = new ConcurrentLinkedQueue<>(batches);
        AtomicInteger fed = new AtomicInteger();
        ExecutorService feeders = Executors.newFixedThreadPool(feederCount);
        List<Future<?>> running = new ArrayList<>();
        for (int f = 0; f < feederCount; f++) {
            running.add(feeders.submit(() -> {
                for (Batch body = queue.poll(); body != null; body = queue.poll()) {
                    fed.addAndGet(send(http, base, feedToken, body));
                }
                return null;
            }));
        }
        for (Future<?> feeder : running) {
            feeder.get(); // a failed batch fails the run
        }
        feeders.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        reads.stop();
        System.err.printf("batches sent again after a 503 or 429: %d%n", RETRIES.get());
        System.out.printf("feed_result %.0f %.2f %d %.1f %.1f %d%n", fed.get() / seconds, seconds, reads.count(),
                reads.percentile(50), reads.percentile(99), reads.errors());
    }

    /** Batches sent again after a 503 or 429 (busy), as a production feeder does. */
    static final AtomicInteger RETRIES = new AtomicInteger();

    /**
     * Sends a batch, again after a 503 or 429 at most four times, after the Retry-After asked (docs/feeds.md's feeder
     * loop); the number of insights it created, all of its items, or the run fails.
     */
    static int send(HttpClient http, String base, String feedToken, Batch body) throws Exception {
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/api/feed/v1/batches"))
                    .header("Authorization", "Bearer " + feedToken).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body.json())).build(),
                    HttpResponse.BodyHandlers.ofString());
            if ((answer.statusCode() == 503 || answer.statusCode() == 429) && attempt < 5) {
                RETRIES.incrementAndGet();
                Thread.sleep(1000L * answer.headers().firstValueAsLong("Retry-After").orElse(1));
                continue;
            }
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("a batch answered " + answer.statusCode() + ": " + answer.body());
            }
            int created = Integer.parseInt(answer.body().replaceFirst("(?s)^\\{\"created\":(\\d+),.*", "$1"));
            if (created != body.items()) {
                throw new IllegalStateException("a batch of " + body.items() + " created " + created + ": "
                        + answer.body().substring(0, Math.min(600, answer.body().length())));
            }
            return created;
        }
    }

    record Batch(String json, int items) {
    }

    /** The batches' bodies, made before the clock starts: the feeder's own work is not the service's. */
    static List<Batch> batches(long firstRecord, int records, int insights, int batch) {
        List<Batch> bodies = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        int inBatch = 0;
        for (long n = firstRecord; n < firstRecord + records; n++) {
            String recordId = String.format("00000000-0000-4000-9000-%012x", n);
            for (int i = 0; i < insights; i++) {
                body.append(inBatch == 0 ? "{\"items\": [" : ", ")
                        .append("{\"action\": \"put\", \"source\": \"bench\", \"externalId\": \"E-").append(n)
                        .append('-').append(i).append("\", \"crmType\": \"Dynamics 365\", \"crmOrgUrl\": \"")
                        .append(HOST).append("\", \"recordType\": \"opportunity\", \"recordId\": \"").append(recordId)
                        .append("\", \"title\": \"Contoso Hub\", \"description\": \"Opportunity ").append(n)
                        .append(" insight ").append(i).append(": the customer asked for a revised quote and a delivery")
                        .append(" date before the next review.\", \"url\":")
                        .append(" \"https://contosohub.example.com/opportunities/").append(n).append("/insights/")
                        .append(i).append("\", \"dateTime\": \"2026-11-24T00:00:00Z\", \"additionalProperties\": {");
                for (int p = 0; p < PROPERTIES.length; p++) {
                    String value = PROPERTIES[p][1] != null ? PROPERTIES[p][1] : "USD " + (n * 1000L);
                    body.append(p == 0 ? "" : ", ").append('"').append(PROPERTIES[p][0]).append("\": \"")
                            .append(value).append('"');
                }
                body.append("}}");
                if (++inBatch == batch) {
                    bodies.add(new Batch(body.append("]}").toString(), inBatch));
                    body.setLength(0);
                    inBatch = 0;
                }
            }
        }
        if (inBatch > 0) {
            bodies.add(new Batch(body.append("]}").toString(), inBatch));
        }
        return bodies;
    }

    /** A read load at a fixed rate; each latency from the moment the call was due. */
    static final class Reads {
        private final HttpClient http;
        private final String base;
        private final String token;
        private final int rate;
        private final int records;
        private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        private final AtomicInteger errors = new AtomicInteger();
        private final AtomicLong due = new AtomicLong();

        Reads(HttpClient http, String base, String token, int rate, int records) {
            this.http = http;
            this.base = base;
            this.token = token;
            this.rate = rate;
            this.records = records;
        }

        void start() {
            if (rate <= 0) {
                return;
            }
            long period = 1_000_000_000L / rate;
            due.set(System.nanoTime());
            clock.scheduleAtFixedRate(() -> {
                long sent = due.getAndAdd(period);
                int n = 1 + ThreadLocalRandom.current().nextInt(records);
                HttpRequest read = HttpRequest.newBuilder(URI.create(base + "/api/v1/opportunity-insights"
                        + "?recordType=opportunity&crmType=Dynamics365&top=5&recordId="
                        + String.format("00000000-0000-4000-8000-%012x", n))).header("Authorization", "Bearer " + token)
                        .timeout(Duration.ofSeconds(10)).build();
                http.sendAsync(read, HttpResponse.BodyHandlers.discarding()).whenComplete((answer, failure) -> {
                    if (failure != null || answer.statusCode() != 200) {
                        errors.incrementAndGet();
                    } else {
                        latencies.add(System.nanoTime() - sent);
                    }
                });
            }, 0, period, TimeUnit.NANOSECONDS);
        }

        void stop() throws InterruptedException {
            clock.shutdownNow();
            clock.awaitTermination(5, TimeUnit.SECONDS);
            Thread.sleep(1000); // the last calls' answers
        }

        int count() {
            return latencies.size();
        }

        int errors() {
            return errors.get();
        }

        double percentile(int p) {
            List<Long> sorted = new ArrayList<>(latencies);
            if (sorted.isEmpty()) {
                return Double.NaN;
            }
            Collections.sort(sorted);
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
        }
    }
}
