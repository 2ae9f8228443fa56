package dev.ragfn.bundle.broker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.core.error.TooLargeException;
import dev.ragfn.core.event.EventAttributes;
import dev.ragfn.core.event.EventEnvelope;
import dev.ragfn.runtime.auth.Access;
import dev.ragfn.runtime.observe.RagfnTracing;
import dev.ragfn.core.json.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The checks of the broker's ingress, before anything is routed: a bounded body, a whole CloudEvent
 * envelope, and data that every function the event reaches can take. What fails here is the sender's
 * to fix (400, 413), so it is never retried nor dead-lettered. The caller's tenant is decided here
 * too (403 for another tenant's event), so the broker admits only events with their tenant settled.
 */
@ApplicationScoped
public class EventDoor {

    /** The extensions the broker carries: routing, and the trace context of the CloudEvents distributed-tracing extension. */
    private static final List<String> EXTENSIONS = List.of(EventAttributes.TENANT, EventAttributes.KNOWLEDGE_BASE,
            RagfnTracing.TRACEPARENT, RagfnTracing.TRACESTATE);

    private final LocalBroker broker;
    private final BrokerConfig config;
    private final Access access;

    public EventDoor(LocalBroker broker, BrokerConfig config, Access access) {
        this.broker = broker;
        this.config = config;
        this.access = access;
    }

    /** An event the door let in: its envelope, the extensions ragfn routes on, and its data as JSON (null for none). */
    public record Admitted(EventEnvelope envelope, Map<String, String> extensions, JsonNode data) {
    }

    /** A structured-mode event: the whole CloudEvent as one JSON object. */
    public Admitted structured(InputStream body) {
        JsonNode event = parse(read(body), "the body");
        if (!event.isObject()) {
            throw new InvalidInputException("the body is not a structured CloudEvent (a JSON object)");
        }
        if (event.has("data_base64")) {
            throw new InvalidInputException("data_base64 is not taken here: the broker carries JSON data; "
                    + "send the data as a JSON object in 'data'");
        }
        Map<String, String> extensions = new HashMap<>();
        for (String name : EXTENSIONS) {
            if (event.hasNonNull(name)) {
                extensions.put(name, event.get(name).asText());
            }
        }
        EventEnvelope envelope = new EventEnvelope(text(event, "specversion"), text(event, "id"),
                text(event, "source"), text(event, "type"), text(event, "datacontenttype"));
        return admit(envelope, extensions, event.get("data"));
    }

    /** A binary-mode event: attributes in {@code ce-*} headers, the data as the body. */
    public Admitted binary(HttpHeaders headers, InputStream body) {
        headers.getRequestHeaders().forEach((name, values) -> {
            if (name.toLowerCase(Locale.ROOT).startsWith("ce-") && values.size() > 1) {
                throw new InvalidInputException("the header " + name.toLowerCase(Locale.ROOT) + " is given "
                        + values.size() + " times; each CloudEvent attribute has one value");
            }
        });
        Map<String, String> extensions = new HashMap<>();
        for (String name : EXTENSIONS) {
            String value = headers.getHeaderString("ce-" + name);
            if (value != null) {
                extensions.put(name, value);
            }
        }
        EventEnvelope envelope = new EventEnvelope(headers.getHeaderString("ce-specversion"),
                headers.getHeaderString("ce-id"), headers.getHeaderString("ce-source"),
                headers.getHeaderString("ce-type"), headers.getHeaderString(HttpHeaders.CONTENT_TYPE));
        byte[] bytes = read(body);
        return admit(envelope, extensions, bytes.length == 0 ? null : parse(bytes, "the data"));
    }

    private Admitted admit(EventEnvelope envelope, Map<String, String> extensions, JsonNode data) {
        JsonNode present = data == null || data.isNull() ? null : data;
        String named = extensions.getOrDefault(EventAttributes.TENANT, present == null ? null : text(present, "tenant"));
        String tenant = access.require(Access.toPublish(envelope.type()), named).tenant();
        if (tenant != null) {
            extensions.put(EventAttributes.TENANT, tenant);
        }
        broker.admit(envelope.type(), extensions, present);
        return new Admitted(envelope, Map.copyOf(extensions), present);
    }

    /** The body up to the limit; the rest is read and dropped, so the sender gets the answer rather than a reset. */
    private byte[] read(InputStream body) {
        int limit = config.maxEventBytes();
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (body) {
            for (int n; (n = body.read(buffer)) >= 0; total += n) {
                if (total + n <= limit) {
                    kept.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read the event from the request", e);
        }
        if (total > limit) {
            throw new TooLargeException("the event is " + total + " bytes, over the limit of " + limit
                    + " (ragfn.broker.max-event-bytes); send a large document by its source instead of inline");
        }
        return kept.toByteArray();
    }

    private static JsonNode parse(byte[] bytes, String what) {
        try {
            return Json.mapper().readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(what + " is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(JsonNode event, String field) {
        JsonNode value = event.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
