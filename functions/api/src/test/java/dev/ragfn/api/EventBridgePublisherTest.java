package dev.ragfn.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.ragfn.core.domain.KnowledgeBaseRef;
import dev.ragfn.core.error.StoreUnavailableException;
import dev.ragfn.core.event.EventTypes;
import dev.ragfn.core.port.EventPublisher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The API's publisher on Lambda, built by ApiBeans from ragfn.api.event-bus, against a local server that
 * speaks EventBridge's PutEvents (JSON 1.1) as the SDK calls it.
 */
class EventBridgePublisherTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final KnowledgeBaseRef KB = new KnowledgeBaseRef("acme", "handbook");

    private final List<JsonNode> calls = new CopyOnWriteArrayList<>();
    private volatile String answer = "{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\"e-1\"}]}";
    private HttpServer server;

    @BeforeEach
    void start_a_local_event_bus() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            JsonNode call = JSON.readTree(exchange.getRequestBody());
            ((com.fasterxml.jackson.databind.node.ObjectNode) call).put("target",
                    exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            calls.add(call);
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop_it() {
        server.stop(0);
    }

    @Test
    void should_put_a_structured_cloudevent_on_the_bus_when_an_event_bus_is_configured() throws Exception {
        // given
        EventPublisher publisher = publisher(Optional.of("ragfn"));

        // when
        publisher.publish(EventTypes.DOCUMENT_SUBMITTED, "/ragfn/api", KB, Map.of("documentId", "report.pdf"));

        // then: as sam/template.yaml's rules match and hand on every CloudEvent
        assertThat(publisher).isInstanceOf(EventBridgePublisher.class);
        JsonNode call = calls.getFirst();
        assertThat(call.get("target").asText()).isEqualTo("AWSEvents.PutEvents");
        JsonNode entry = call.at("/Entries/0");
        assertThat(entry.get("EventBusName").asText()).isEqualTo("ragfn");
        assertThat(entry.get("DetailType").asText()).isEqualTo(EventTypes.DOCUMENT_SUBMITTED);
        assertThat(entry.get("Source").asText()).isEqualTo("/ragfn/api");
        JsonNode detail = JSON.readTree(entry.get("Detail").asText());
        assertThat(detail.get("specversion").asText()).isEqualTo("1.0");
        assertThat(detail.get("type").asText()).isEqualTo(EventTypes.DOCUMENT_SUBMITTED);
        assertThat(detail.get("tenant").asText()).isEqualTo("acme");
        assertThat(detail.get("knowledgebase").asText()).isEqualTo("handbook");
        assertThat(detail.at("/data/documentId").asText()).isEqualTo("report.pdf");
    }

    @Test
    void should_fit_the_largest_upload_it_admits_in_one_entry_when_its_id_and_title_are_as_long_as_allowed()
            throws Exception {
        // given: an upload as large as the publisher admits, with the longest id and title (of 3-byte characters)
        EventPublisher publisher = publisher(Optional.of("ragfn"));
        long limit = publisher.maxInlineBytes();
        Map<String, Object> submission = new java.util.LinkedHashMap<>();
        submission.put("documentId", "d".repeat(512));
        submission.put("title", "\u20AC".repeat(1024));
        submission.put("contentType", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        submission.put("contentBase64", java.util.Base64.getEncoder().encodeToString(new byte[(int) limit]));

        // when
        publisher.publish(EventTypes.DOCUMENT_SUBMITTED, "/ragfn/api", KB, submission);

        // then: the entry, sized as EventBridge counts it, is within its 256 KB, and the limit is not far below it
        JsonNode entry = calls.getFirst().at("/Entries/0");
        long size = utf8(entry.get("Detail").asText()) + utf8(entry.get("DetailType").asText())
                + utf8(entry.get("Source").asText()) + utf8(entry.get("EventBusName").asText());
        assertThat(size).isLessThanOrEqualTo(EventBridgePublisher.MAX_ENTRY_BYTES);
        assertThat(limit).isGreaterThan(180_000);
    }

    private static long utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    void should_fail_as_unavailable_when_the_bus_refuses_the_entry() throws Exception {
        // given
        answer = "{\"FailedEntryCount\":1,\"Entries\":[{\"ErrorCode\":\"ThrottlingException\",\"ErrorMessage\":\"slow down\"}]}";
        EventPublisher publisher = publisher(Optional.of("ragfn"));

        // when / then
        assertThatThrownBy(() -> publisher.publish(EventTypes.DOCUMENT_SUBMITTED, "/ragfn/api", KB, Map.of()))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("Event bus ragfn refused dev.ragfn.document.submitted: ThrottlingException slow down");
    }

    @Test
    void should_say_how_to_configure_a_broker_when_neither_bus_nor_broker_is_set() throws Exception {
        EventPublisher publisher = publisher(Optional.empty());

        assertThatThrownBy(() -> publisher.publish(EventTypes.DOCUMENT_SUBMITTED, "/ragfn/api", KB, Map.of()))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("ragfn.api.event-bus");
        assertThat(calls).isEmpty();
    }

    private EventPublisher publisher(Optional<String> bus) {
        URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        return new ApiBeans().eventPublisher(new ApiConfig() {
            @Override
            public long maxUploadBytes() {
                return 1;
            }

            @Override
            public Optional<URI> brokerUrl() {
                return Optional.empty();
            }

            @Override
            public Optional<String> eventBus() {
                return bus;
            }

            @Override
            public Optional<URI> eventBusEndpoint() {
                return Optional.of(endpoint);
            }

            @Override
            public String consoleClientId() {
                return "ragfn-console";
            }

            @Override
            public boolean allowLocalConversionSources() {
                return false;
            }

            @Override
            public int defaultPageSize() {
                return 1;
            }

            @Override
            public int maxUrlLength() {
                return 1;
            }

            @Override
            public int maxHeaderBytes() {
                return 1;
            }
        });
    }
}
