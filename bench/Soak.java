import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The soak load of bench/soak.sh: an open loop at a fixed rate (requests are sent on schedule whether or not earlier
 * ones have answered, as a busy Sales app sends them), 90% reads of the two actions for random demo records and 10%
 * curator edits (GET an insight, PUT it back changed with its ETag). Prints one line per minute and a last line
 * "requests=N errors=E p50_ms=.. p99_ms=.." where an error is a transport failure, a 5xx, or any answer other than
 * the one expected (200; for an edit that met another edit of the same insight, 412 or 409 is the expected answer).
 *
 *   java bench/Soak.java BASE_URL SELLER_TOKEN CURATOR_TOKEN RATE_PER_SECOND SECONDS
 *   java bench/Soak.java BASE_URL SELLER_TOKEN CURATOR_TOKEN capacity SECONDS   (closed loop at 16 connections: prints req/s)
 */
public class Soak {

    private static final String[] READS = {
        "api/v1/opportunity-insights?recordType=opportunity&recordId=d1c6a4e2-5f3b-4c8e-9a7d-2b1e0f6c3a91&top=5",
        "api/v1/opportunity-insights?recordType=account&recordId=8f14e45f-ceea-467f-a0e6-3b6d9c2a1f07",
        "api/v1/record-summary-insights?recordType=opportunity&recordId=d1c6a4e2-5f3b-4c8e-9a7d-2b1e0f6c3a91"
                + "&startDateTime=2026-11-01T00:00:00Z",
        "api/v1/opportunity-insights?recordType=lead&recordId=3c59dc04-8a1e-4b2f-9d6c-7e5f4a3b2c10&top=3&skip=1",
    };
    /** Demo insights of Contoso's records that curators edit during the soak. */
    private static final long[] EDITED = {5, 6, 7, 8, 9, 10, 11, 12, 13, 20, 21};
    private static final Pattern TITLE = Pattern.compile("\"title\":\"([^\"]*)\"");
    private static final Pattern DESCRIPTION = Pattern.compile("\"description\":\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern KEY = Pattern.compile("\"key\":\"([^\"]*)\"");

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(64)).build();
    private final String base;
    private final String seller;
    private final String curator;
    private final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final Map<String, AtomicLong> errorKinds = new ConcurrentHashMap<>();

    Soak(String base, String seller, String curator) {
        this.base = base.endsWith("/") ? base : base + "/";
        this.seller = seller;
        this.curator = curator;
    }

    public static void main(String[] args) throws Exception {
        Soak soak = new Soak(args[0], args[1], args[2]);
        int seconds = Integer.parseInt(args[4]);
        if (args[3].equals("capacity")) {
            System.out.printf("capacity_rps=%.0f%n", soak.capacity(seconds));
        } else {
            soak.openLoop(Double.parseDouble(args[3]), seconds);
        }
        System.exit(0);
    }

    /** Closed loop, 16 connections, reads only: what the server serves flat out. */
    double capacity(int seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        AtomicLong done = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end) {
                    read();
                    done.incrementAndGet();
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        return done.get() / (double) seconds;
    }

    void openLoop(double rate, int seconds) throws InterruptedException {
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);
        long total = Math.round(rate * seconds);
        CountDownLatch finished = new CountDownLatch((int) total);
        long periodNanos = Math.round(1e9 / rate);
        long started = System.nanoTime();
        java.util.concurrent.ExecutorService senders = Executors.newFixedThreadPool(64);
        clock.scheduleAtFixedRate(new Runnable() {
            long sent;

            @Override
            public void run() {
                if (sent >= total) {
                    return;
                }
                sent++;
                boolean edit = ThreadLocalRandom.current().nextInt(10) == 0;
                senders.execute(() -> {
                    try {
                        if (edit) {
                            edit();
                        } else {
                            read();
                        }
                    } finally {
                        finished.countDown();
                    }
                });
            }
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        clock.scheduleAtFixedRate(() -> System.out.printf("t=%ds requests=%d errors=%d%n",
                (System.nanoTime() - started) / 1_000_000_000L, requests.get(), errors.get()), 60, 60, TimeUnit.SECONDS);
        finished.await(seconds + 120L, TimeUnit.SECONDS);
        clock.shutdownNow();
        senders.shutdownNow();
        List<Long> sorted;
        synchronized (latencies) {
            sorted = new ArrayList<>(latencies);
        }
        Collections.sort(sorted);
        System.out.printf("requests=%d errors=%d p50_ms=%.1f p99_ms=%.1f kinds=%s%n", requests.get(), errors.get(),
                percentile(sorted, 0.50), percentile(sorted, 0.99), errorKinds);
    }

    private void read() {
        String path = READS[ThreadLocalRandom.current().nextInt(READS.length)];
        send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", seller).GET(), 200);
    }

    private void edit() {
        long id = EDITED[ThreadLocalRandom.current().nextInt(EDITED.length)];
        URI uri = URI.create(base + "api/admin/v1/insights/" + id);
        HttpResponse<String> current = send(HttpRequest.newBuilder(uri).header("Authorization", curator).GET(), 200);
        if (current == null || current.statusCode() != 200) {
            return;
        }
        String body = current.body();
        String etag = current.headers().firstValue("ETag").orElse("\"0\"");
        String title = find(TITLE, body);
        String document = "{\"key\": \"" + find(KEY, body) + "\", \"title\": \"" + (title.length() > 18
                ? title.substring(0, 10) : title) + "\", \"description\": \"" + find(DESCRIPTION, body)
                + "\", \"priority\": " + ThreadLocalRandom.current().nextInt(-5, 6) + "}";
        send(HttpRequest.newBuilder(uri).header("Authorization", curator).header("If-Match", etag)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(document)),
                200, 409, 412);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, int... expected) {
        long start = System.nanoTime();
        requests.incrementAndGet();
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            latencies.add(System.nanoTime() - start);
            for (int status : expected) {
                if (response.statusCode() == status) {
                    return response;
                }
            }
            error("status " + response.statusCode());
            return response;
        } catch (Exception e) {
            error(e.getClass().getSimpleName());
            return null;
        }
    }

    private void error(String kind) {
        errors.incrementAndGet();
        errorKinds.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
    }

    private static String find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : "";
    }

    private static double percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())))
                / 1e6;
    }
}
