package dev.ragfn.shield.policy;

import dev.ragfn.core.error.InvalidInputException;

/** A policy file names something that does not exist or cannot work; the message says which and where. */
public class InvalidPolicyException extends InvalidInputException {

    public InvalidPolicyException(String message) {
        super(message);
    }

    public InvalidPolicyException(String message, Throwable cause) {
        super(message, cause);
    }
}
