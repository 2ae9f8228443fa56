package dev.ragfn.runtime.funqy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.core.error.RagfnException;
import dev.ragfn.core.json.Json;
import io.quarkus.funqy.knative.events.CloudEvent;

import java.io.UncheckedIOException;
import java.util.Map;
import java.util.stream.Collectors;

/** What a function taking a whole CloudEvent reads from it, with an error naming what is missing. */
public final class IncomingEvents {

    /** A field the record does not know is a sender's mistake, never something to drop silently. */
    private static final ObjectReader STRICT = Json.mapper().reader()
            .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private IncomingEvents() {
    }

    /**
     * The data of an event of one of ragfn's types as the record its function takes, read strictly: a
     * JSON object whose every field the record knows, passing the record's own checks. A binding that
     * reads JSON itself (the local broker) calls it before routing, so a bad event is refused at once.
     */
    public static <T> T decode(String type, JsonNode data, Class<T> record) {
        String expected = record.getSimpleName();
        if (data == null || !data.isObject()) {
            throw new InvalidInputException("the data of a " + type + " event must be a JSON object (a " + expected
                    + ") but was " + kind(data));
        }
        try {
            return STRICT.treeToValue(data, record);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            RagfnException own = cause(e, RagfnException.class);
            if (own != null) {
                throw own;
            }
            if (e instanceof UnrecognizedPropertyException unknown) {
                throw new InvalidInputException("unknown field '" + unknown.getPropertyName() + "' in the data of a "
                        + type + " event; the fields of a " + expected + " are " + unknown.getKnownPropertyIds().stream()
                        .map(String::valueOf).sorted().collect(Collectors.joining(", ")), e);
            }
            String message = e instanceof JsonMappingException mapping ? mapping.getOriginalMessage() : e.getMessage();
            throw new InvalidInputException("the data of a " + type + " event is not a " + expected + ": " + message, e);
        }
    }

    private static String kind(JsonNode data) {
        if (data == null || data.isNull() || data.isMissingNode()) {
            return "empty (the event has no data)";
        }
        return switch (data.getNodeType()) {
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            default -> data.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /**
     * The event's data. Funqy's Knative binding parses it only now; data that is not JSON of the right
     * shape fails as a Jackson error, which the HTTP error handler reports, and an event without data
     * fails in Funqy's own ways, reported here.
     */
    public static <T> T data(CloudEvent<T> event, String expected) {
        T data;
        try {
            data = event.data();
        } catch (UncheckedIOException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InvalidInputException("the CloudEvent has no data that can be read (" + e.getMessage()
                    + "); send " + expected + " as JSON data (datacontenttype application/json)", e);
        }
        if (data == null) {
            throw new InvalidInputException("the CloudEvent has no data; send " + expected + " as JSON data");
        }
        return data;
    }

    /**
     * Identifies a delivery of this event to this function: CloudEvents are unique by source and id, and
     * a redelivery (Knative, EventBridge, Lambda's own retries) repeats both.
     */
    public static String deliveryKey(String function, CloudEvent<?> event) {
        return function + " " + required(event.source(), "source") + " " + required(event.id(), "id");
    }

    /** The event's extension attributes; Funqy gives null for an event that has none. */
    public static Map<String, String> extensions(CloudEvent<?> event) {
        return event.extensions() == null ? Map.of() : event.extensions();
    }

    private static String required(String value, String attribute) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("the CloudEvent has no '" + attribute + "'; every CloudEvent needs "
                    + "specversion, id, source and type");
        }
        return value;
    }
}
