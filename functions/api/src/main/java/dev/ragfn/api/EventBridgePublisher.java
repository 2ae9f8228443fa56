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

    /** EventBridge's cap on one entry: detail, detail-type, source and the rest together. */
    static final int MAX_ENTRY_BYTES = 256 * 1024;
    /** Room for all but the file: the CloudEvent's attributes, a 512-character id, a 1,024-character title. */
    private static final int ENVELOPE_BYTES = 16 * 1024;

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

    /** What is left of an entry beside the envelope, as base64 takes 4 bytes for every 3. */
    @Override
    public long maxInlineBytes() {
        return (MAX_ENTRY_BYTES - ENVELOPE_BYTES) / 4 * 3;
    }

    @Override
    public void close() {
        client.close();
    }
}
