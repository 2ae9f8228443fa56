package dev.ragfn.runtime.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.ragfn.core.error.BusyException;
import dev.ragfn.core.error.ErrorBody;
import dev.ragfn.core.error.RagfnException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.stream.Collectors;

/**
 * Answers every failed request of a function with a status that says what to do and a JSON body
 * {@code {"kind", "message"}} naming the problem. Funqy answers 500 for any exception, and Knative
 * redelivers a 5xx until the event is dead-lettered; a 400 is not redelivered (Knative's data-plane
 * contract), so a malformed event or bad input is refused once. What is not ragfn's error or
 * malformed input goes on to Quarkus's own handler (500).
 */
@ApplicationScoped
public class HttpErrors {

    private static final Logger LOG = Logger.getLogger(HttpErrors.class);

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::answer);
    }

    private void answer(RoutingContext context) {
        if (context.response().headWritten()) {
            context.next();
            return;
        }
        Throwable failure = context.failure();
        RagfnException ragfn = cause(failure, RagfnException.class);
        JsonProcessingException unreadable = unreadableInput(failure);
        if (ragfn != null) {
            answer(context, ragfn);
        } else if (cause(failure, AuthenticationFailedException.class) != null) {
            // quarkus-oidc refused the bearer token; its reason stays in its debug log, never the token itself.
            send(context, 401, ErrorBody.of(RagfnException.Kind.UNAUTHENTICATED, "the bearer token is not valid here: "
                    + "expired, not signed by the trusted issuer, or not meant for this audience; get a new one"));
        } else if (cause(failure, ForbiddenException.class) != null) {
            send(context, 403, ErrorBody.of(RagfnException.Kind.FORBIDDEN, "the token does not allow this request"));
        } else if (unreadable != null) {
            send(context, 400, invalid(describe(unreadable)));
        } else if (failure == null && context.statusCode() >= 400 && context.statusCode() < 500) {
            send(context, context.statusCode(), invalid(refusal(context.statusCode(), context.request())));
        } else {
            context.next();
        }
    }

    /** Answers the request with the failure's status and its JSON problem, for routes that refuse before any handler runs. */
    public static void answer(RoutingContext context, RagfnException failure) {
        if (failure instanceof BusyException busy) {
            context.response().putHeader("Retry-After", busy.retryAfterSeconds());
        }
        send(context, ErrorBody.status(failure.kind()), ErrorBody.of(failure));
    }

    /** Answers the request with {@code status} and the JSON problem, for refusals whose status no kind has (414, 431). */
    public static void answer(RoutingContext context, int status, ErrorBody body) {
        send(context, status, body);
    }

    private static void send(RoutingContext context, int status, ErrorBody body) {
        if (status >= 500) {
            LOG.warnf("%s %s answered %d: %s", context.request().method(), context.request().path(), status, body.message());
        } else {
            LOG.debugf("%s %s answered %d: %s", context.request().method(), context.request().path(), status, body.message());
        }
        if (status == 401) {
            context.response().putHeader("WWW-Authenticate", "Bearer");
        }
        context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(body.toJson());
    }

    private static ErrorBody invalid(String message) {
        return ErrorBody.of(RagfnException.Kind.INVALID_INPUT, message);
    }

    /**
     * What is wrong with a request body Jackson could not read, or null when the failure is not that:
     * JAX-RS resources answer it with the same words as Funqy's routes.
     */
    public static String unreadableBody(Throwable failure) {
        JsonProcessingException unreadable = unreadableInput(failure);
        return unreadable == null ? null : describe(unreadable);
    }

    /**
     * Jackson's errors in reading the request: not JSON, or JSON of another shape. Its errors in writing
     * an answer, or in a class it cannot map, are bugs and stay 500.
     */
    private static JsonProcessingException unreadableInput(Throwable failure) {
        JsonProcessingException json = cause(failure, JsonProcessingException.class);
        return json instanceof StreamReadException || json instanceof MismatchedInputException
                || json instanceof ValueInstantiationException ? json : null;
    }

    /** What Jackson could not read, without its dump of the input's source. */
    private static String describe(JsonProcessingException e) {
        if (e instanceof StreamReadException) {
            return "the body is not valid JSON: " + e.getOriginalMessage();
        }
        if (e instanceof MismatchedInputException && e.getOriginalMessage().startsWith("No content to map")) {
            return "the event has no data; send the data as a JSON object";
        }
        if (e instanceof ValueInstantiationException invalid && invalid.getCause() instanceof RagfnException refused) {
            // The record refused a value: its own words, without Jackson's class names.
            return refused.getMessage();
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "the data has a field '" + unknown.getPropertyName() + "' that it does not take; known fields: "
                    + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
        }
        String path = e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? " (at " + mapping.getPath().stream().map(JsonMappingException.Reference::getFieldName)
                        .map(field -> field == null ? "[]" : field).collect(Collectors.joining(".")) + ")"
                : "";
        return "the data does not have the shape this function takes" + path + ": " + e.getOriginalMessage();
    }

    /** Funqy refuses some requests with a bare status; say why. */
    private static String refusal(int status, HttpServerRequest request) {
        String contentType = String.valueOf(request.getHeader(HttpHeaders.CONTENT_TYPE));
        boolean cloudEvent = request.headers().contains("ce-id") || contentType.startsWith("application/cloudevents");
        return switch (status) {
            case 400 -> cloudEvent ? "the CloudEvent could not be read: it needs JSON data (datacontenttype application/json)"
                    : "the request could not be read: the body must be JSON of the shape this function takes, "
                    + "and a function that answers CloudEvents takes only CloudEvents (ce-* headers, or "
                    + "application/cloudevents+json)";
            case 404 -> cloudEvent ? "no function here is triggered by CloudEvents of type '" + type(request) + "'"
                    : "no function at " + request.path();
            case 405 -> "use POST (or GET with query parameters) instead of " + request.method();
            case 406 -> "content type " + contentType + " is not accepted: send JSON (application/json) or a "
                    + "structured CloudEvent (application/cloudevents+json)";
            case 409 -> "several functions here take CloudEvents of type '" + type(request) + "'";
            default -> "the request was refused with status " + status;
        };
    }

    private static String type(HttpServerRequest request) {
        return request.headers().contains("ce-type") ? request.getHeader("ce-type") : "(given in the body)";
    }

    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
