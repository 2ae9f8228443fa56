package dev.ragfn.core.error;

/** A backing store failed or could not be reached; the platform may retry. */
public class StoreUnavailableException extends RagfnException {

    public StoreUnavailableException(String message) {
        super(Kind.UNAVAILABLE, message, null);
    }

    public StoreUnavailableException(String message, Throwable cause) {
        super(Kind.UNAVAILABLE, message, cause);
    }
}
