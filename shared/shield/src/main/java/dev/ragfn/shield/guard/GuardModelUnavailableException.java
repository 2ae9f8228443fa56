package dev.ragfn.shield.guard;

import dev.ragfn.core.error.RagfnException;

/** The guard model could not be reached or answered something unreadable; retrying may succeed. */
public class GuardModelUnavailableException extends RagfnException {

    public GuardModelUnavailableException(String message, Throwable cause) {
        super(Kind.UNAVAILABLE, message, cause);
    }
}
