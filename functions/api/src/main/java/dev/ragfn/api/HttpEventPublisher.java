package dev.ragfn.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ragfn.core.error.StoreUnavailableException;
import dev.ragfn.core.port.EventPublisher;
import dev.ragfn.core.json.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Publishes by POSTing a structured CloudEvent to the broker's HTTP ingress, as Knative's Broker takes
 * it. Without a broker URL nothing can be submitted, and the API says so (503) instead of losing it.
 */
public final class HttpEventPublisher implements EventPublisher {

    private final Optional<URI> broker;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public HttpEventPublisher(Optional<URI> broker) {
        this.broker = broker;
    }

    @Override
    public void publish(String type, String source, Map<String, String> extensions, Object data) {
        URI target = broker.orElseThrow(() -> new StoreUnavailableException("no broker to submit " + type + " to: set "
                + "ragfn.api.broker-url (RAGFN_API_BROKER_URL) to the Knative Broker's URL, or on Lambda "
                + "ragfn.api.event-bus (RAGFN_API_EVENT_BUS) to the EventBridge bus"));
        Map<String, Object> event = PublishedEvent.structured(type, source, extensions, data);
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/cloudevents+json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Json.mapper().writeValueAsBytes(event))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() / 100 != 2) {
                throw new StoreUnavailableException("Failed to publish " + type + " to the broker: it answered "
                        + answer.statusCode() + "; retry later");
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the data of " + type, e);
        } catch (IOException e) {
            throw new StoreUnavailableException("Failed to publish " + type + " to the broker at " + target + ": "
                    + e.getMessage() + "; retry later", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while publishing " + type, e);
        }
    }
}
