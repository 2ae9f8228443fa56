package dev.ragfn.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ragfn.core.error.StoreUnavailableException;
import dev.ragfn.core.port.EventPublisher;
import dev.ragfn.core.json.Json;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

import java.util.Map;

/**
 * Publishes to an EventBridge bus, the broker of ragfn on Lambda, as sam/template.yaml's rules expect
 * every CloudEvent: detail-type its type, source its source, detail the structured CloudEvent.
 */
public final class EventBridgePublisher implements EventPublisher, AutoCloseable {

    private final EventBridgeClient client;
    private final String bus;

    public EventBridgePublisher(EventBridgeClient client, String bus) {
        this.client = client;
        this.bus = bus;
    }

    @Override
    public void publish(String type, String source, Map<String, String> extensions, Object data) {
        String detail;
        try {
            detail = Json.mapper().writeValueAsString(PublishedEvent.structured(type, source, extensions, data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the data of " + type, e);
        }
        PutEventsResponse answer;
        try {
            answer = client.putEvents(r -> r.entries(PutEventsRequestEntry.builder().eventBusName(bus)
                    .detailType(type).source(source).detail(detail).build()));
        } catch (SdkException e) {
            throw new StoreUnavailableException("Failed to publish " + type + " to event bus " + bus + ": "
                    + e.getMessage() + "; retry later", e);
        }
        if (answer.failedEntryCount() != null && answer.failedEntryCount() > 0) {
            PutEventsResultEntry failed = answer.entries().getFirst();
            throw new StoreUnavailableException("Event bus " + bus + " refused " + type + ": " + failed.errorCode()
                    + " " + failed.errorMessage() + "; retry later");
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
