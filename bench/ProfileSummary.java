import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Sums up the CPU samples (jdk.ExecutionSample) of a JFR recording that bench/run.sh made with PROFILE=1: the
 * hottest methods by top frame, what the samples were doing by library (the innermost frame outside the JDK, so a
 * HashMap lookup made by EclipseLink counts for EclipseLink) and by that frame's method, and the share of samples
 * with the application's own code anywhere on the stack; and by thread, which tells the request path from the
 * server's background tasks. The same events in full: jfr print --events jdk.ExecutionSample FILE
 *
 * <p>JFR samples only threads that run Java code; a thread waiting on the database or the network is not in it, and
 * neither is wrk, which shares the cores.
 *
 *   java bench/ProfileSummary.java FILE.jfr [TOP]
 */
public class ProfileSummary {

    /** Package prefixes, most specific first, and the part of the path they belong to. */
    private static final String[][] LIBRARIES = {
        {"org.salesinsights.bench.", "baseline (bench WAR)"},
        {"org.salesinsights.", "application (org.salesinsights)"},
        {"org.eclipse.persistence.", "EclipseLink (JPA)"},
        {"org.h2.", "JDBC driver (H2)"},
        {"org.postgresql.", "JDBC driver (PostgreSQL)"},
        {"org.eclipse.yasson.", "JSON-B / JSON-P (Yasson, Parsson)"},
        {"org.eclipse.parsson.", "JSON-B / JSON-P (Yasson, Parsson)"},
        {"org.glassfish.json.", "JSON-B / JSON-P (Yasson, Parsson)"},
        {"org.glassfish.jersey.", "JAX-RS (Jersey)"},
        {"org.glassfish.grizzly.", "HTTP (Grizzly)"},
        {"org.apache.catalina.", "servlet container"},
        {"org.glassfish.web.", "servlet container"},
        {"org.glassfish.soteria.", "security (Soteria, Exousia, realms)"},
        {"org.glassfish.exousia.", "security (Soteria, Exousia, realms)"},
        {"com.sun.enterprise.security.", "security (Soteria, Exousia, realms)"},
        {"com.sun.web.security.", "security (Soteria, Exousia, realms)"},
        {"org.jboss.weld.", "CDI (Weld)"},
        {"com.sun.ejb.", "EJB container"},
        {"org.glassfish.ejb.", "EJB container"},
        {"com.sun.enterprise.transaction.", "transactions"},
        {"com.sun.jts.", "transactions"},
        {"com.sun.enterprise.resource.", "connection pool"},
        {"com.sun.gjc.", "connection pool"},
        {"org.glassfish.concurrent.", "concurrency utilities (executor)"},
        {"org.glassfish.enterprise.concurrent.", "concurrency utilities (executor)"},
        {"com.nimbusds.", "sign-in's JWT checks (Nimbus JOSE+JWT)"},
        {"io.opentelemetry.", "Payara's request tracing (OpenTelemetry)"},
        {"fish.payara.opentracing.", "Payara's request tracing (OpenTelemetry)"},
        {"fish.payara.microprofile.telemetry.", "Payara's request tracing (OpenTelemetry)"},
        {"org.glassfish.hk2.", "HK2"},
        {"org.jvnet.hk2.", "HK2"},
        {"fish.payara.", "Payara, other"},
        {"org.glassfish.", "Payara, other"},
        {"com.sun.enterprise.", "Payara, other"},
    };
    private static final String[] JDK = {"java.", "javax.", "jdk.", "sun.", "com.sun.crypto.", "com.sun.proxy.",
        "com.sun.org.apache."};

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        Map<String, Integer> byTopFrame = new HashMap<>();
        Map<String, Integer> byLibrary = new HashMap<>();
        Map<String, Integer> byLibraryFrame = new HashMap<>();
        Map<String, Integer> byThread = new HashMap<>();
        int samples = 0;
        int withOurs = 0;
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                    continue;
                }
                List<RecordedFrame> frames = event.getStackTrace().getFrames();
                if (frames.isEmpty()) {
                    continue;
                }
                samples++;
                RecordedThread thread = event.getThread("sampledThread");
                String threadName = thread == null || thread.getJavaName() == null ? "?" : thread.getJavaName();
                byThread.merge(threadName.replaceAll("[0-9]+", "N"), 1, Integer::sum);
                byTopFrame.merge(name(frames.get(0)), 1, Integer::sum);
                String library = null;
                boolean ours = false;
                for (RecordedFrame frame : frames) {
                    String type = frame.getMethod().getType().getName();
                    if (library == null && !isJdk(type)) {
                        library = libraryOf(type);
                        byLibraryFrame.merge(name(frame), 1, Integer::sum);
                    }
                    ours |= type.startsWith("org.salesinsights.") && !type.startsWith("org.salesinsights.bench.");
                }
                byLibrary.merge(library == null ? "JDK only (no library frame in the stack)" : library, 1,
                        Integer::sum);
                if (ours) {
                    withOurs++;
                }
            }
        }
        if (samples == 0) {
            System.out.println("no CPU samples in " + file);
            return;
        }
        // Stacks deeper than the recording's stack depth (64 by default) lose their bottom frames, never the top.
        System.out.printf("%s: %d CPU samples; %.0f%% with application code (org.salesinsights) on the stack%n",
                file.getFileName(), samples, 100.0 * withOurs / samples);
        System.out.println("  by thread (digits as N; request threads, the executor's workers, background tasks):");
        print(byThread, samples, 6);
        System.out.println("  by library (innermost frame outside the JDK):");
        print(byLibrary, samples, Integer.MAX_VALUE);
        System.out.println("  hottest methods (top frame):");
        print(byTopFrame, samples, top);
        System.out.println("  hottest methods outside the JDK (innermost frame outside the JDK):");
        print(byLibraryFrame, samples, top);
    }

    private static void print(Map<String, Integer> counts, int samples, int limit) {
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(limit)
                .forEach(e -> System.out.printf("    %5.1f%%  %s%n", 100.0 * e.getValue() / samples, e.getKey()));
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static boolean isJdk(String type) {
        for (String prefix : JDK) {
            if (type.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static String libraryOf(String type) {
        for (String[] library : LIBRARIES) {
            if (type.startsWith(library[0])) {
                return library[1];
            }
        }
        int second = type.indexOf('.', type.indexOf('.') + 1);
        return second > 0 ? type.substring(0, second) + " (other)" : type;
    }
}
