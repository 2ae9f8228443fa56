package dev.ragfn.chatturn;

import dev.ragfn.core.error.RagfnException;

/** The chat model failed, refused, or did not answer in time; retrying may succeed. */
public class ChatModelUnavailableException extends RagfnException {

    public ChatModelUnavailableException(String message, Throwable cause) {
        super(Kind.UNAVAILABLE, message, cause);
    }
}
