package dev.ragfn.runtime.funqy;

import dev.ragfn.core.error.InvalidInputException;
import io.quarkus.funqy.knative.events.CloudEvent;

import java.io.UncheckedIOException;
import java.util.Map;

/** What a function taking a whole CloudEvent reads from it, with an error naming what is missing. */
public final class IncomingEvents {

    private IncomingEvents() {
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
