package dev.ragfn.embedding;

import dev.ragfn.core.error.RagfnException;

/** The embedding model failed, refused the credentials, or did not answer in time; retrying may succeed. */
public class EmbeddingModelUnavailableException extends RagfnException {

    public EmbeddingModelUnavailableException(String message, Throwable cause) {
        super(Kind.UNAVAILABLE, message, cause);
    }
}
