package dev.ragfn.core.error;

/** The request contradicts what is already stored, such as a knowledge base re-created with another dimension. */
public class ConflictException extends RagfnException {

    public ConflictException(String message) {
        super(Kind.CONFLICT, message, null);
    }

    public ConflictException(String message, Throwable cause) {
        super(Kind.CONFLICT, message, cause);
    }
}
