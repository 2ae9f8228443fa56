package dev.ragfn.core.error;

/** The input exceeds a documented limit; the message gives the size and the limit. */
public class TooLargeException extends RagfnException {

    public TooLargeException(String message) {
        super(Kind.TOO_LARGE, message, null);
    }

    public TooLargeException(String message, Throwable cause) {
        super(Kind.TOO_LARGE, message, cause);
    }
}
