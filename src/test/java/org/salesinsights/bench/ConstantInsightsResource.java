package org.salesinsights.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The benchmark's baseline: a constant JSON body of the same size as a real answer, from the same server, so the
 * ratio shows what the action itself costs (parsing, database, JSON-B), not the server's HTTP stack.
 *
 * <p>The body is a real answer of the action that bench/run.sh saved to the file named by the system property
 * {@code bench.constant}; it is read at the first call and then served from memory. The endpoints under
 * {@code parts/} add one part of the action's path each to this same body (see {@link JsonbPageResource},
 * {@link ExecutorHandOffResource}, {@link StatelessCallResource}).
 */
@jakarta.ws.rs.Path("v1/opportunity-insights")
public class ConstantInsightsResource {

    private static volatile byte[] body;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public byte[] get() {
        return constant();
    }

    /** The saved answer, byte for byte. */
    static byte[] constant() {
        byte[] constant = body;
        if (constant == null) {
            try {
                constant = Files.readAllBytes(Path.of(System.getProperty("bench.constant")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            body = constant;
        }
        return constant;
    }
}
