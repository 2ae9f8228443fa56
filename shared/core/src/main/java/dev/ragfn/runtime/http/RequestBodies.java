package dev.ragfn.runtime.http;

import dev.ragfn.core.error.InvalidInputException;

/** What a function called over plain HTTP reads from its body. */
public final class RequestBodies {

    private RequestBodies() {
    }

    /**
     * Funqy and JAX-RS hand a handler null for an empty body or a JSON {@code null}; refused here as the
     * bad input it is, rather than failing later as a null-pointer 500.
     */
    public static <T> T required(T request, String expected) {
        if (request == null) {
            throw new InvalidInputException("the request has no body; send " + expected + " as a JSON object");
        }
        return request;
    }
}
