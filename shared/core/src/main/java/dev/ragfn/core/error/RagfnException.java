package dev.ragfn.core.error;

/**
 * The root of every error ragfn raises on purpose. The {@link Kind} tells a caller (and the
 * platform adapters that map errors to HTTP statuses and retry decisions) what to do next:
 * fix the input, create what is missing, or retry later.
 */
public abstract class RagfnException extends RuntimeException {

    /** What went wrong, from the caller's point of view. */
    public enum Kind {
        /** The request is malformed; retrying the same input cannot succeed. */
        INVALID_INPUT(false),
        /** Something the request names does not exist. */
        NOT_FOUND(false),
        /** The request contradicts state that already exists. */
        CONFLICT(false),
        /** The input is larger than a limit allows. */
        TOO_LARGE(false),
        /** The request carries no valid proof of who sends it; retrying with a valid token may succeed. */
        UNAUTHENTICATED(false),
        /** The caller is known but may not do this (another tenant, a missing role, another user's session). */
        FORBIDDEN(false),
        /** A backing service failed or could not be reached; retrying may succeed. */
        UNAVAILABLE(true);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }

    private final Kind kind;

    protected RagfnException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
