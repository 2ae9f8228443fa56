package dev.ragfn.bundle.broker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragfn.convert.ConversionRequest;
import dev.ragfn.convert.ConvertFunction;
import dev.ragfn.core.config.RagfnConfig;
import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.core.error.RagfnException;
import dev.ragfn.core.event.ChunksReady;
import dev.ragfn.embed.EmbedFunction;
import dev.ragfn.ingest.IngestFunction;
import dev.ragfn.ingest.SubmitDocument;
import dev.ragfn.runtime.funqy.IncomingEvents;
import dev.ragfn.runtime.observe.RagfnMeters;
import dev.ragfn.runtime.observe.RagfnTracing;
import dev.ragfn.core.json.Json;
import dev.ragfn.summarize.SummarizeFunction;
import dev.ragfn.summarize.SummaryRequest;
import io.quarkus.funqy.knative.events.CloudEvent;
import io.quarkus.funqy.knative.events.CloudEventBuilder;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * The Knative Broker of one machine: delivers each event to the functions that triggers.yaml
 * subscribes to its type, publishes their replies the same way, retries a failed delivery with
 * the declared backoff (only for errors worth retrying), and writes what still fails to a
 * dead-letter file. Events nobody consumes are the chain's results.
 */
@ApplicationScoped
public class LocalBroker {

    private static final Logger LOG = Logger.getLogger(LocalBroker.class);
    /** The type of every event a Knative PingSource sends. */
    private static final String PING = SummarizeFunction.KNATIVE_PING;

    private final TriggerTable triggers = TriggerTable.fromClasspath();
    private final Map<String, Function<CloudEvent<Object>, CloudEvent<?>>> functions = new HashMap<>();
    private final Map<String, Admission> admissions = new HashMap<>();
    private final DeadLetterFile deadLetters;
    private final Map<String, LongAdder> nanosByFunction = new ConcurrentHashMap<>();

    /** What a function needs of an event before it is routed: its data as the function's record, and more. */
    @FunctionalInterface
    private interface Admission {
        void check(String type, Map<String, String> extensions, JsonNode data);
    }

    public LocalBroker(IngestFunction ingest, EmbedFunction embed, ConvertFunction convert, SummarizeFunction summarize,
                       RagfnConfig config, BrokerConfig broker) {
        functions.put("ingest", event -> ingest.ingest(withData(event, SubmitDocument.class)));
        functions.put("embed", event -> embed.embed(data(event, ChunksReady.class)));
        functions.put("convert", event -> reply("convert", event,
                convert.convert(data(event, ConversionRequest.class), event).await().indefinitely()));
        functions.put("summarize", event -> reply("summarize", event,
                summarize.summarize(data(event, SummaryRequest.class), event)));
        admissions.put("ingest", (type, extensions, data) ->
                IncomingEvents.decode(type, data, SubmitDocument.class).knowledgeBase(extensions));
        admissions.put("embed", (type, extensions, data) -> IncomingEvents.decode(type, data, ChunksReady.class));
        admissions.put("convert", (type, extensions, data) -> IncomingEvents.decode(type, data, ConversionRequest.class));
        admissions.put("summarize", (type, extensions, data) -> IncomingEvents.decode(type, data, SummaryRequest.class));
        this.deadLetters = new DeadLetterFile(config.dataDir().resolve("dead-letters.jsonl"),
                broker.deadLetters().maxLetterBytes(), broker.deadLetters().maxFileBytes(), broker.deadLetters().maxFiles());
    }

    /**
     * Refuses, before anything is routed, an event that a function it would reach could not take (data
     * that is not the function's record, a submission without tenant or knowledge base): the sender
     * hears of it as a 400, and only what fails once delivered is dead-lettered.
     */
    public void admit(String type, Map<String, String> extensions, JsonNode data) {
        for (String function : triggers.consumersOf(type)) {
            Admission admission = admissions.get(function);
            if (admission != null) {
                admission.check(type, extensions, data);
            }
        }
    }

    /**
     * The event's data as the function's input type: events published in process carry it typed,
     * events that arrive as JSON carry maps. Data that does not fit is a bad event, not worth a retry.
     */
    private static <T> T data(CloudEvent<Object> event, Class<T> type) {
        Object data = event.data();
        if (type.isInstance(data)) {
            return type.cast(data);
        }
        try {
            return Json.mapper().convertValue(data, type);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("the data of " + event.type() + " " + event.id() + " is not a "
                    + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** A function that returns plain data answers with the one type triggers.yaml says it emits, as Knative's reply does. */
    private CloudEvent<?> reply(String function, CloudEvent<Object> event, Object data) {
        if (data == null) {
            return null;
        }
        return CloudEventBuilder.create().type(triggers.emitsOf(function).getFirst()).source("/ragfn/" + function)
                .extensions(RagfnTracing.withCurrentContext(IncomingEvents.extensions(event))).build(data);
    }

    /** Publishes an event and runs the chain it starts; returns the events no function consumes. */
    public List<CloudEvent<?>> publish(String type, String source, Map<String, String> extensions, Object data) {
        return publish(UUID.randomUUID().toString(), type, source, extensions, data);
    }

    /** The same, under the sender's event id: a redelivered event keeps its id, so functions can tell. */
    public List<CloudEvent<?>> publish(String id, String type, String source, Map<String, String> extensions,
                                       Object data) {
        return route(CloudEventBuilder.create().id(id).type(type).source(source).extensions(extensions).build(data));
    }

    /**
     * A schedule's firing, as Knative's PingSource sends it: an event of PingSource's own type
     * carrying the schedule's data, delivered to the function whose schedule it is; its answer
     * travels on like any other event.
     */
    public List<CloudEvent<?>> fire(TriggerTable.Schedule schedule) {
        CloudEvent<Object> ping = CloudEventBuilder.create().id(UUID.randomUUID().toString()).type(PING)
                .source("/ragfn/schedules/" + schedule.name()).extensions(Map.of())
                .build(Json.mapper().convertValue(schedule.data(), Object.class));
        CloudEvent<?> reply = deliver(schedule.function(), ping);
        return reply == null ? List.of() : route(withId(reply));
    }

    /** Delivers an event to its consumers, and their answers to theirs; returns the events nobody consumes. */
    private List<CloudEvent<?>> route(CloudEvent<Object> first) {
        List<CloudEvent<?>> results = new ArrayList<>();
        Deque<CloudEvent<Object>> pending = new ArrayDeque<>();
        pending.add(first);
        while (!pending.isEmpty()) {
            CloudEvent<Object> event = pending.poll();
            List<String> consumers = triggers.consumersOf(event.type());
            if (consumers.isEmpty()) {
                results.add(event);
                continue;
            }
            for (String function : consumers) {
                CloudEvent<?> reply = deliver(function, event);
                if (reply != null) {
                    pending.add(withId(reply));
                }
            }
        }
        return results;
    }

    private CloudEvent<?> deliver(String function, CloudEvent<Object> event) {
        Function<CloudEvent<Object>, CloudEvent<?>> handler = functions.get(function);
        if (handler == null) {
            LOG.debugf("No local handler for function %s; event %s not delivered to it", function, event.type());
            return null;
        }
        TriggerTable.Delivery policy = triggers.deliveryOf(function);
        Duration backoff = policy.backoff();
        for (int attempt = 0; ; attempt++) {
            long started = System.nanoTime();
            // The trace goes on from whoever sent the event, as its traceparent extension says.
            try (Scope ignored = RagfnTracing.fromEvent(IncomingEvents.extensions(event)).makeCurrent()) {
                return handler.apply(event);
            } catch (RuntimeException e) {
                boolean retryable = !(e instanceof RagfnException r) || r.kind().retryable();
                if (!retryable || attempt >= policy.retries()) {
                    deadLetter(function, event, e);
                    return null;
                }
                LOG.warnf("Delivery of %s to %s failed (%s); retry %d of %d in %s", event.type(), function,
                        e.getMessage(), attempt + 1, policy.retries(), backoff);
                RagfnMeters.brokerRetry(function);
                sleep(backoff);
                backoff = backoff.multipliedBy(2);
            } finally {
                nanosByFunction.computeIfAbsent(function, f -> new LongAdder()).add(System.nanoTime() - started);
            }
        }
    }

    /** Time spent inside each function since start, summed over threads: where a pipeline's time goes. */
    public Map<String, Duration> timeByFunction() {
        Map<String, Duration> times = new java.util.TreeMap<>();
        nanosByFunction.forEach((function, nanos) -> times.put(function, Duration.ofNanos(nanos.sum())));
        return times;
    }

    private void deadLetter(String function, CloudEvent<Object> event, RuntimeException e) {
        String message = String.valueOf(e.getMessage());
        // A message may quote the bad input whole; the log gets its start, the dead letter its bounded copy.
        LOG.errorf("Dead-lettered %s %s for %s: %s", event.type(), event.id(), function,
                message.length() > 500 ? message.substring(0, 500) + "..." : message);
        RagfnMeters.deadLettered(function);
        deadLetters.write(new DeadLetterFile.Letter(function, event.type(), event.id(), event.source(),
                IncomingEvents.extensions(event), event.data(), message));
    }

    /** The event itself, its data typed as the function takes it. */
    private static <T> CloudEvent<T> withData(CloudEvent<Object> event, Class<T> type) {
        return CloudEventBuilder.create().id(event.id()).type(event.type()).source(event.source())
                .extensions(IncomingEvents.extensions(event)).build(data(event, type));
    }

    /** A reply without an id gets one from the broker, as from a real broker. */
    @SuppressWarnings("unchecked")
    private static CloudEvent<Object> withId(CloudEvent<?> reply) {
        return (CloudEvent<Object>) CloudEventBuilder.create()
                .id(reply.id() != null ? reply.id() : UUID.randomUUID().toString())
                .type(reply.type()).source(reply.source())
                .extensions(IncomingEvents.extensions(reply))
                .build(reply.data());
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while backing off", e);
        }
    }
}
