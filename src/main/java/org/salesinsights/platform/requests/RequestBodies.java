package org.salesinsights.platform.requests;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.salesinsights.platform.errors.ApiException;
import org.salesinsights.platform.errors.ErrorCode;

/**
 * Request bodies read by the resource itself, after it checked who is calling, and never past a limit. A body taken as
 * a {@code String} parameter is read whole by the JAX-RS runtime before the method runs: a caller without the right
 * could make the server buffer megabytes just to be refused. Taken as an {@code InputStream} and read here, a refused
 * caller's body is never read, and an allowed caller's is refused at the limit (413 {@code PAYLOAD_TOO_LARGE}),
 * before reading when {@code Content-Length} already says so.
 */
public final class RequestBodies {

    private RequestBodies() {
    }

    /**
     * The body as UTF-8 text, at most {@code maxBytes} long.
     *
     * @param declaredLength the request's Content-Length, or -1 when it has none (chunked)
     */
    /**
     * The body's length as {@code Content-Length} declares it, or -1: read as a long, because the runtimes' own
     * {@code HttpHeaders.getLength()} is an int and fails (a 500) on a declared length past 2 GB.
     */
    public static long declaredLength(jakarta.ws.rs.core.HttpHeaders headers) {
        return declaredLength(headers.getHeaderString(jakarta.ws.rs.core.HttpHeaders.CONTENT_LENGTH));
    }

    /** The same, from the header's text (null: none). */
    public static long declaredLength(String declared) {
        try {
            return declared == null ? -1 : Long.parseLong(declared.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public static String utf8(InputStream body, long declaredLength, int maxBytes) {
        return text(bytes(body, declaredLength, maxBytes));
    }

    /** The body's bytes, at most {@code maxBytes}; 413 as soon as it is known to be longer. */
    public static byte[] bytes(InputStream body, long declaredLength, int maxBytes) {
        if (declaredLength > maxBytes) {
            throw tooLarge(maxBytes);
        }
        try {
            byte[] bytes = body == null ? new byte[0] : body.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw tooLarge(maxBytes);
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** UTF-8 text, or 400: a body is never guessed at. */
    public static String text(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "The body must be UTF-8 text.");
        }
    }

    static ApiException tooLarge(int maxBytes) {
        String size = maxBytes % 1_000_000 == 0 ? maxBytes / 1_000_000 + " MB"
                : maxBytes % 1024 == 0 ? maxBytes / 1024 + " KB" : maxBytes + " bytes";
        return new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "The body of this operation may be at most " + size + ".",
                java.util.Map.of("maxBytes", maxBytes));
    }
}
