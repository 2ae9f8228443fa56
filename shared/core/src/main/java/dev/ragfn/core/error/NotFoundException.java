package dev.ragfn.core.error;

/** Something the request names (a knowledge base, a document, a session) does not exist. */
public class NotFoundException extends RagfnException {

    public NotFoundException(String message) {
        super(Kind.NOT_FOUND, message, null);
    }

    public NotFoundException(String message, Throwable cause) {
        super(Kind.NOT_FOUND, message, cause);
    }
}
