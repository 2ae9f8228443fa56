package dev.ragfn.ingest.parse;

import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.core.error.RagfnException;

/** The one message for a file a format library could not read. */
final class ParseFailures {

    private ParseFailures() {
    }

    /** Our own exceptions pass through; library failures (checked or not) become InvalidInputException. */
    static RagfnException unreadable(String name, String format, Exception cause) {
        if (cause instanceof RagfnException ragfn) {
            return ragfn;
        }
        return new InvalidInputException("File '" + name + "' could not be read as " + format
                + " (corrupt, truncated or not really " + format + "): " + cause.getMessage(), cause);
    }
}
