package dev.ragfn.core.error;

/** The input is malformed; the message names the field and the rule. */
public class InvalidInputException extends RagfnException {

    public InvalidInputException(String message) {
        super(Kind.INVALID_INPUT, message, null);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(Kind.INVALID_INPUT, message, cause);
    }
}
