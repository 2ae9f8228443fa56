package dev.ragfn.runtime.http;

import dev.ragfn.core.error.InvalidInputException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Answers a POST without a body at once with 400: Funqy fails on one with a null-pointer 500, and a
 * JAX-RS resource reading it waited until the idle timeout. Every ragfn function takes JSON (a request
 * or a CloudEvent's data), so an empty POST is never a call worth making.
 */
@ApplicationScoped
public class EmptyBodies {

    /** Ahead of Funqy's and Quarkus REST's routes, which add theirs without an order. */
    private static final int FIRST = -1_000;

    void install(@Observes Router router) {
        router.post().order(FIRST).handler(EmptyBodies::refuseEmpty);
    }

    private static void refuseEmpty(RoutingContext context) {
        if (!isEmpty(context.request())) {
            context.next();
            return;
        }
        HttpErrors.answer(context, new InvalidInputException("the request has no data (the body is empty); "
                + "send JSON: a request object, or a CloudEvent's data"));
    }

    /** HTTP/1.1 has a body only with a length above zero or chunked encoding. */
    private static boolean isEmpty(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            return length.strip().equals("0");
        }
        return request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null && request.version() != HttpVersion.HTTP_2;
    }
}
