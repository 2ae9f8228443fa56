package dev.ragfn.bundle.broker;

import dev.ragfn.runtime.funqy.IncomingEvents;
import dev.ragfn.core.json.Json;
import io.quarkus.funqy.knative.events.CloudEvent;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * The local broker's ingress, as a Knative Broker's URL is: POST a CloudEvent in structured mode
 * ({@code application/cloudevents+json}) or binary mode ({@code ce-*} headers, JSON data). The
 * chain runs before the answer, which lists the events no function consumes: the chain's results.
 * An event the door refuses (EventDoor) is answered 400 or 413 and goes nowhere.
 */
@Path("/events")
public class EventsResource {

    static final String STRUCTURED = "application/cloudevents+json";

    private final LocalBroker broker;
    private final EventDoor door;

    public EventsResource(LocalBroker broker, EventDoor door) {
        this.broker = broker;
        this.door = door;
    }

    /** What came out of the chain, in the structured form. */
    public record Result(String id, String type, String source, Map<String, String> extensions, Object data) {
    }

    @POST
    @Consumes(STRUCTURED)
    @Produces(MediaType.APPLICATION_JSON)
    public List<Result> structured(InputStream body) {
        return publish(door.structured(body));
    }

    /** Any other content type is a binary-mode event; the door refuses data that is not JSON. */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public List<Result> binary(HttpHeaders headers, InputStream body) {
        return publish(door.binary(headers, body));
    }

    private List<Result> publish(EventDoor.Admitted event) {
        Object payload = event.data() == null ? null : Json.mapper().convertValue(event.data(), Object.class);
        List<CloudEvent<?>> results = broker.publish(event.envelope().id(), event.envelope().type(),
                event.envelope().source(), event.extensions(), payload);
        return results.stream().map(e -> new Result(e.id(), e.type(), e.source(),
                IncomingEvents.extensions(e), e.data())).toList();
    }
}
