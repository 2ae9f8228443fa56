package dev.ragfn.ingest.parse;

import dev.ragfn.core.error.TooLargeException;
import java.time.Duration;

/**
 * The time one document may take to be parsed and chunked. Parsers and the chunker check it between
 * pages, blocks and sections, so a document that would take too long stops there instead of holding a
 * core for minutes; a single library call (loading a PDF, say) is not interrupted, but is bounded by the
 * size limit.
 */
public final class Deadline {

    /** No limit, for callers that bound the work otherwise (tests, tools). */
    public static final Deadline NONE = new Deadline(Long.MAX_VALUE, "");

    private final long expiresAtNanos;
    private final String reason;

    private Deadline(long expiresAtNanos, String reason) {
        this.expiresAtNanos = expiresAtNanos;
        this.reason = reason;
    }

    /** @param reason the message of the refusal once {@code timeout} has passed, naming the document and the setting */
    public static Deadline after(Duration timeout, String reason) {
        return new Deadline(System.nanoTime() + timeout.toNanos(), reason);
    }

    /** @throws TooLargeException once the time is up: the same document would take as long on a retry */
    public void check() {
        if (this != NONE && System.nanoTime() - expiresAtNanos >= 0) {
            throw new TooLargeException(reason);
        }
    }
}
