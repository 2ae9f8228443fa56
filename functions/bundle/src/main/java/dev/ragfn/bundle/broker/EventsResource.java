package dev.ragfn.bundle.broker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.core.event.EventAttributes;
import dev.ragfn.runtime.auth.Access;
import dev.ragfn.runtime.funqy.IncomingEvents;
import dev.ragfn.store.Json;
import io.quarkus.funqy.knative.events.CloudEvent;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The local broker's ingress, as a Knative Broker's URL is: POST a CloudEvent in structured mode
 * ({@code application/cloudevents+json}) or binary mode ({@code ce-*} headers, JSON data). The
 * chain runs before the answer, which lists the events no function consumes: the chain's results.
 */
@Path("/events")
public class EventsResource {

    static final String STRUCTURED = "application/cloudevents+json";
    private static final List<String> EXTENSIONS = List.of(EventAttributes.TENANT, EventAttributes.KNOWLEDGE_BASE);

    private final LocalBroker broker;
    private final Access access;

    public EventsResource(LocalBroker broker, Access access) {
        this.broker = broker;
        this.access = access;
    }

    /** What came out of the chain, in the structured form. */
    public record Result(String id, String type, String source, Map<String, String> extensions, Object data) {
    }

    @POST
    @Consumes(STRUCTURED)
    @Produces(MediaType.APPLICATION_JSON)
    public List<Result> structured(JsonNode event) {
        if (event == null || !event.isObject()) {
            throw new InvalidInputException("the body is not a structured CloudEvent (a JSON object)");
        }
        Map<String, String> extensions = new HashMap<>();
        for (String name : EXTENSIONS) {
            if (event.hasNonNull(name)) {
                extensions.put(name, event.get(name).asText());
            }
        }
        return publish(text(event, "specversion"), text(event, "id"), text(event, "type"), text(event, "source"),
                extensions, event.get("data"));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public List<Result> binary(HttpHeaders headers, JsonNode data) {
        Map<String, String> extensions = new HashMap<>();
        for (String name : EXTENSIONS) {
            String value = headers.getHeaderString("ce-" + name);
            if (value != null) {
                extensions.put(name, value);
            }
        }
        return publish(headers.getHeaderString("ce-specversion"), headers.getHeaderString("ce-id"),
                headers.getHeaderString("ce-type"), headers.getHeaderString("ce-source"), extensions, data);
    }

    private List<Result> publish(String specVersion, String id, String type, String source,
                                 Map<String, String> extensions, JsonNode data) {
        if (!"1.0".equals(specVersion)) {
            throw new InvalidInputException("specversion must be 1.0 but was " + specVersion
                    + "; send a CloudEvent (ce-specversion header, or specversion in a structured event)");
        }
        if (type == null || type.isBlank() || source == null || source.isBlank()) {
            throw new InvalidInputException("a CloudEvent needs a type and a source (ce-type and ce-source headers, "
                    + "or type and source in a structured event)");
        }
        // The caller's tenant travels with the event; naming another is refused before anything is published.
        String named = extensions.getOrDefault(EventAttributes.TENANT, data == null ? null : text(data, "tenant"));
        String tenant = access.require(Access.toPublish(type), named).tenant();
        if (tenant != null) {
            extensions.put(EventAttributes.TENANT, tenant);
        }
        Object payload = data == null || data.isNull() ? null : Json.mapper().convertValue(data, Object.class);
        List<CloudEvent<?>> results = broker.publish(id == null || id.isBlank() ? UUID.randomUUID().toString() : id,
                type, source, extensions, payload);
        return results.stream().map(e -> new Result(e.id(), e.type(), e.source(),
                IncomingEvents.extensions(e), e.data())).toList();
    }

    private static String text(JsonNode event, String field) {
        JsonNode value = event.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
