package org.salesinsights.platform.requests;

import java.util.Optional;

import org.salesinsights.platform.errors.ApiException;
import org.salesinsights.platform.errors.ErrorCode;

/**
 * The version an {@code If-Match} header names: {@code "3"} (or {@code W/"3"}), as the ETags of versioned
 * resources are written. A change that must not overwrite another's sends it back.
 */
public final class IfMatch {

    private IfMatch() {
    }

    /** The version, or empty when the header is absent; 412 when it names no version. */
    public static Optional<Long> version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return Optional.empty();
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() > 2 && tag.length() < 22 && tag.startsWith("\"") && tag.endsWith("\"")
                && tag.substring(1, tag.length() - 1).chars().allMatch(Character::isDigit)) {
            return Optional.of(Long.parseLong(tag.substring(1, tag.length() - 1)));
        }
        throw new ApiException(ErrorCode.PRECONDITION_FAILED, "If-Match names no version of this resource.");
    }

    /** The version; 428 when the header is absent, so that nobody's change is overwritten unseen. */
    public static long required(String ifMatch) {
        return version(ifMatch).orElseThrow(IfMatch::missing);
    }

    public static ApiException missing() {
        return new ApiException(ErrorCode.PRECONDITION_REQUIRED,
                "Send If-Match with the ETag you read, so that nobody's change is overwritten.");
    }

    public static ApiException stale(long current) {
        return new ApiException(ErrorCode.PRECONDITION_FAILED, "It changed since you read it (now version " + current
                + "); read it again and reapply your change.");
    }
}
