package dev.ragfn.api;

import dev.ragfn.core.error.ErrorBody;
import dev.ragfn.core.error.RagfnException;
import dev.ragfn.runtime.http.HttpErrors;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Map;

/**
 * Refuses a request whose URL or headers are too long with the JSON problem every other refusal has,
 * saying the limit and what to shorten. Vert.x refuses past its own limits in the HTTP codec, before any
 * route, with a bare 414 or 431 that Quarkus offers no way to word; so application.properties sets those
 * limits above ragfn.api.max-url-length and ragfn.api.max-header-bytes, and this route answers between.
 * It sees every request of the process (in the bundle, the functions' too), as the codec did.
 */
@ApplicationScoped
public class RequestLimits {

    /** Ahead of every other route, EmptyBodies' included: nothing else needs to read an oversized request. */
    private static final int FIRST = -2_000;

    private final ApiConfig config;

    public RequestLimits(ApiConfig config) {
        this.config = config;
    }

    void install(@Observes Router router) {
        router.route().order(FIRST).handler(this::refuseOversized);
    }

    private void refuseOversized(RoutingContext context) {
        HttpServerRequest request = context.request();
        int url = request.uri().length();
        int headers = headerBytes(request);
        if (url > config.maxUrlLength()) {
            HttpErrors.answer(context, 414, tooLarge("the URL (path and query) has " + url + " characters, over the limit of "
                    + config.maxUrlLength() + " (ragfn.api.max-url-length): shorten the path or the query parameters"));
        } else if (headers > config.maxHeaderBytes()) {
            HttpErrors.answer(context, 431, tooLarge("the request headers have " + headers + " bytes, over the limit of "
                    + config.maxHeaderBytes() + " (ragfn.api.max-header-bytes): shorten or drop the largest ones "
                    + "(often Cookie, or an Authorization token with many claims)"));
        } else {
            context.next();
        }
    }

    /** As the HTTP codec counts them: each line's name, ": " and value (Latin-1, a byte a character). */
    private static int headerBytes(HttpServerRequest request) {
        int bytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            bytes += header.getKey().length() + 2 + header.getValue().length();
        }
        return bytes;
    }

    private static ErrorBody tooLarge(String message) {
        return ErrorBody.of(RagfnException.Kind.TOO_LARGE, message);
    }
}
