package org.salesinsights.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The README's Payara Micro, run as its own process from what the build made (target/payara-micro.jar and the WAR),
 * in demo mode on a database that outlives it: an H2 file in a folder, or a PostgreSQL database. Tests restart it,
 * or kill it as a power cut would, and look at what the database kept.
 */
final class MicroProcess implements AutoCloseable {

    static final String PARTNER = "5a1e5000-0000-4000-a000-000000000004";

    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private final int port;
    private Process process;
    /** Where this start's output begins in the log, which every start of the server appends to. */
    private long logStart;

    private MicroProcess(List<String> command, Map<String, String> environment, Path log, int port) {
        this.command = command;
        this.environment = environment;
        this.log = log;
        this.port = port;
    }

    /** On an H2 file database in {@code dataDir}, as the README's run command. */
    static MicroProcess onH2(Path dataDir, String name) {
        return create(name, List.of("-Dinsights.data.dir=" + dataDir.toAbsolutePath()),
                serverConfig("payara/post-boot-embedded.asadmin"), List.of(), Map.of());
    }

    /** On the PostgreSQL database {@code database} of 127.0.0.1:5432, as a production deployment. */
    static MicroProcess onPostgres(String database, String name) {
        return create(name, List.of(), serverConfig("payara/postgresql-datasource.asadmin"),
                List.of("--addlibs", Path.of("target/postgresql.jar").toAbsolutePath().toString()),
                Map.of("INSIGHTS_DB_HOST", "127.0.0.1", "INSIGHTS_DB_PORT", "5432", "INSIGHTS_DB_NAME", database,
                        "INSIGHTS_DB_USER", "postgres", "INSIGHTS_DB_PASSWORD", "unused-with-trust-auth"));
    }

    private static MicroProcess create(String name, List<String> jvmOptions, String postBoot, List<String> more,
            Map<String, String> environment) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-Dinsights.demo.enabled=true", "-Dinsights.seed.scripts=demo",
                "-Dinsights.signin.admin-tenant-ids=" + PARTNER));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", System.getProperty("payara.microJar", "target/payara-micro.jar"),
                "--nocluster", "--port", String.valueOf(port),
                "--prebootcommandfile", serverConfig("payara/pre-boot-micro.asadmin"),
                "--postbootcommandfile", postBoot,
                "--deploy", System.getProperty("insights.war", "target/sales-insights.war"), "--contextroot", "/"));
        command.addAll(more);
        Path log = Path.of("target", "micro-process", name + ".log");
        return new MicroProcess(command, environment, log, port);
    }

    /** The same server, with other seed scripts ({@code insights.seed.scripts}) than the demo data. */
    MicroProcess seeds(String scripts) {
        List<String> changed = new ArrayList<>(command.stream()
                .map(option -> option.startsWith("-Dinsights.seed.scripts=") ? "-Dinsights.seed.scripts=" + scripts
                        : option).toList());
        return new MicroProcess(changed, environment, log, port);
    }

    /**
     * The same server with more JVM options, such as system properties of the application (a node of a demo cluster
     * is given the shared demo key this way).
     */
    MicroProcess withOptions(String... jvmOptions) {
        List<String> changed = new ArrayList<>(command);
        changed.addAll(changed.indexOf("-jar"), List.of(jvmOptions));
        return new MicroProcess(changed, environment, log, port);
    }

    /**
     * Starts the server, which must fail to deploy the application, and answers what this start logged; the
     * process is stopped.
     */
    String startFails() {
        launch();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (System.nanoTime() < deadline && process.isAlive() && !deploymentFailed()) {
                if (ready()) {
                    throw new IllegalStateException("Payara Micro started, but the deployment had to fail; see " + log);
                }
                sleep(500);
            }
            if (!deploymentFailed() && process.isAlive()) {
                throw new IllegalStateException("Payara Micro neither failed nor started in 180 s; see " + log);
            }
            return thisStartsLog();
        } finally {
            stop();
        }
    }

    /** Starts the server and waits until it hands out demo tokens and reads the database. */
    MicroProcess start() {
        launch();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive() || deploymentFailed()) {
                throw new IllegalStateException("Payara Micro died or failed to deploy at start; see " + log);
            }
            if (ready()) {
                return this;
            }
            sleep(500);
        }
        throw new IllegalStateException("Payara Micro did not become ready in 180 s; see " + log);
    }

    private boolean ready() {
        try {
            return Http.get(uri("health/ready")).statusCode() == 200;
        } catch (UncheckedIOException notYet) {
            return false; // not listening yet
        }
    }

    private void launch() {
        try {
            Files.createDirectories(log.getParent());
            logStart = Files.exists(log) ? Files.size(log) : 0;
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
            Process started = process; // never outlive the test run, also when it is stopped half-way
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean deploymentFailed() {
        return thisStartsLog().contains("Exception while loading the app");
    }

    /** What the server logged since this start began. */
    String thisStartsLog() {
        try {
            if (!Files.exists(log)) {
                return "";
            }
            byte[] all = Files.readAllBytes(log);
            int from = (int) Math.min(logStart, all.length);
            return new String(all, from, all.length - from, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** A clean stop, as an operator's restart sends it. */
    void stop() {
        end(false);
    }

    /** {@code kill -9}: no shutdown hook, no clean close of anything. */
    void kill() {
        end(true);
    }

    private void end(boolean forcibly) {
        if (process == null) {
            return;
        }
        if (forcibly) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Whether the server's process runs. */
    boolean isAlive() {
        return process != null && process.isAlive();
    }

    int port() {
        return port;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + "/" + path);
    }

    /** A demo token of the tenant, with the roles given. */
    String token(String tenant, String... roles) {
        return demoToken("api/demo/token?tenantId=" + tenant + (roles.length > 0 ? "&role=" + roles[0] : ""));
    }

    /** A demo app-only token of the application, issued in the tenant, with the feed role (docs/feeds.md). */
    String appToken(String tenant, String appId) {
        return demoToken("api/demo/token?tenantId=" + tenant + "&app=" + appId);
    }

    private String demoToken(String query) {
        var answer = Http.get(uri(query), "Accept", "application/json");
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("no demo token: " + answer.statusCode() + " " + answer.body());
        }
        return "Bearer " + Http.json(answer).getString("accessToken");
    }

    @Override
    public void close() {
        stop();
    }

    private static String serverConfig(String file) {
        return Path.of(System.getProperty("insights.serverConfig", "server-config"), file).toAbsolutePath().toString();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
