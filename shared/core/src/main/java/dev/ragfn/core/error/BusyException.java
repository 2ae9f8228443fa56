package dev.ragfn.core.error;

import java.time.Duration;

/**
 * A function already runs as much work as it takes at once; the caller may retry after {@link #retryAfter()}
 * (answered as HTTP 503 with a {@code Retry-After} header).
 */
public class BusyException extends RagfnException {

    private final Duration retryAfter;

    public BusyException(String message, Duration retryAfter) {
        super(Kind.UNAVAILABLE, message, null);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** The {@code Retry-After} header's value: whole seconds, at least one. */
    public String retryAfterSeconds() {
        return String.valueOf(Math.max(1, retryAfter.toSeconds()));
    }
}
