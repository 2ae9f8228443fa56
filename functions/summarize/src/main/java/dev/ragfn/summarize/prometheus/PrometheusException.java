package dev.ragfn.summarize.prometheus;

import dev.ragfn.core.error.RagfnException;

/**
 * Prometheus could not answer: unreachable, refusing the credentials, or failing (kind
 * UNAVAILABLE); or it rejected a query (kind INVALID_INPUT).
 */
public class PrometheusException extends RagfnException {

    private PrometheusException(Kind kind, String message, Throwable cause) {
        super(kind, message, cause);
    }

    public static PrometheusException unavailable(String message, Throwable cause) {
        return new PrometheusException(Kind.UNAVAILABLE, message, cause);
    }

    public static PrometheusException badQuery(String message) {
        return new PrometheusException(Kind.INVALID_INPUT, message, null);
    }
}
