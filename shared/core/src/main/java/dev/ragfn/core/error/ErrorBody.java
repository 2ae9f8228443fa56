package dev.ragfn.core.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ragfn.core.json.Json;

/**
 * The body of every refused request, {@code {"kind": ..., "message": ...}}: what kind of failure it is
 * (a {@link RagfnException.Kind} name) and what to do about it. Funqy routes, REST resources and the
 * chat stream's error event all answer with it.
 */
public record ErrorBody(String kind, String message) {

    public static ErrorBody of(RagfnException e) {
        return of(e.kind(), e.getMessage());
    }

    public static ErrorBody of(RagfnException.Kind kind, String message) {
        return new ErrorBody(kind.name(), message);
    }

    /** The HTTP status of each error kind; Knative retries 404, 409 and 5xx, and nothing else. */
    public static int status(RagfnException.Kind kind) {
        return switch (kind) {
            case INVALID_INPUT -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case TOO_LARGE -> 413;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case UNAVAILABLE -> 503;
        };
    }

    public String toJson() {
        try {
            return Json.mapper().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an error body", e);
        }
    }
}
