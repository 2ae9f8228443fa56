package dev.ragfn.chatturn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.ragfn.core.error.RagfnException;
import dev.ragfn.core.port.SessionStore;
import dev.ragfn.core.port.VectorIndex;
import dev.ragfn.retrieve.RetrieveService;
import dev.ragfn.shield.Shield;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The model provider path against its real HTTP protocol: a local {@link HttpServer} in this test
 * speaks OpenAI chat completions (a JSON answer, or {@code text/event-stream} chunks ending in
 * {@code data: [DONE]} when the request asks to stream), fails with 500 or 429 on demand, or
 * stalls past the timeout. Retrieval, embeddings, shield and sessions are the application's beans.
 */
@QuarkusTest
class OpenAiChatModelTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TENANT = "initech";
    private static final List<String> CHUNKS = List.of("Employees get ", "25 days of paid ", "vacation per year [1].");

    @Inject
    VectorIndex index;
    @Inject
    EmbeddingModel embeddings;
    @Inject
    RetrieveService retrieve;
    @Inject
    Shield shield;
    @Inject
    SessionStore sessions;

    private HttpServer server;
    private ExecutorService serverThreads;
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile long stallMillis;
    private ChatTurnService service;
    private String kb;

    @BeforeEach
    void start_the_fake_provider() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        serverThreads = Executors.newCachedThreadPool();
        server.setExecutor(serverThreads);
        server.createContext("/v1/chat/completions", this::complete);
        server.start();
        ChatConfig config = new TestConfig(Map.of("ragfn.chat.provider", "openai",
                "ragfn.chat.base-url", "http://127.0.0.1:" + server.getAddress().getPort() + "/v1",
                "ragfn.chat.model", "fake-model", "ragfn.chat.api-key", "test-key", "ragfn.chat.timeout", "2s")).chat();
        service = new ChatTurnService(retrieve, embeddings, shield, sessions, config, ChatModels.create(config),
                Clock.systemUTC());
        kb = Handbook.index(index, embeddings, TENANT);
    }

    @AfterEach
    void stop_the_fake_provider() {
        server.stop(0);
        serverThreads.shutdownNow();
    }

    @Test
    void should_answer_with_the_models_text_and_numbered_sources_when_a_model_is_configured() {
        ChatTurnResponse response = service.chat(request(null, "How many vacation days do employees get per year?"));

        assertThat(response.answer()).isEqualTo(String.join("", CHUNKS));
        assertThat(response.extractive()).isFalse();
        assertThat(response.sources().getFirst().document().documentId()).isEqualTo("vacation.md");
        assertThat(response.promptTokens()).isEqualTo(321);
        assertThat(response.completionTokens()).isEqualTo(12);
        assertThat(response.verdicts()).containsEntry("output", "ALLOW");
        JsonNode sent = requests.getFirst();
        assertThat(sent.get("model").asText()).isEqualTo("fake-model");
        assertThat(sent.at("/messages/0/role").asText()).isEqualTo("system");
        assertThat(sent.at("/messages/0/content").asText()).contains("[1] Vacation policy (vacation.md)");
        assertThat(sent.at("/messages/1/content").asText()).isEqualTo("How many vacation days do employees get per year?");
    }

    @Test
    void should_hand_on_each_streamed_chunk_when_the_answer_streams() {
        List<String> tokens = new CopyOnWriteArrayList<>();

        ChatTurnResponse response = service.stream(request(null, "How many vacation days do employees get per year?"), tokens::add);

        assertThat(requests.getFirst().get("stream").asBoolean()).isTrue();
        assertThat(tokens).containsExactlyElementsOf(CHUNKS);
        assertThat(response.answer()).isEqualTo(String.join("", CHUNKS));
        assertThat(sessions.lastTurns(TENANT, response.sessionId(), 5)).singleElement()
                .satisfies(turn -> assertThat(turn.answer()).isEqualTo(response.answer()));
    }

    @Test
    void should_send_the_earlier_turns_when_a_follow_up_continues_the_session() {
        String sessionId = service.chat(request(null, "How many vacation days do employees get per year?")).sessionId();

        service.chat(request(sessionId, "Who approves vacation requests?"));

        JsonNode followUp = requests.getLast();
        assertThat(followUp.get("messages")).extracting(m -> m.get("role").asText() + ": " + m.get("content").asText())
                .contains("user: How many vacation days do employees get per year?",
                        "assistant: " + String.join("", CHUNKS),
                        "user: Who approves vacation requests?");
    }

    @Test
    void should_fail_with_an_unavailable_error_when_the_provider_answers_500() {
        status = 500;

        assertThatThrownBy(() -> service.chat(request(null, "How many vacation days do employees get per year?")))
                .isInstanceOf(ChatModelUnavailableException.class)
                .hasMessageContaining("model fake-model at http://127.0.0.1:")
                .hasMessageContaining("model overloaded")
                .satisfies(e -> assertThat(((RagfnException) e).kind().retryable()).isTrue());
    }

    @Test
    void should_fail_with_an_unavailable_error_when_the_provider_limits_the_rate() {
        status = 429;

        assertThatThrownBy(() -> service.stream(request(null, "How many vacation days do employees get per year?"), t -> { }))
                .isInstanceOf(ChatModelUnavailableException.class)
                .hasMessageContaining("RateLimit");
    }

    @Test
    void should_fail_with_an_unavailable_error_when_the_provider_does_not_answer_in_time() {
        stallMillis = 5_000;

        assertThatThrownBy(() -> service.chat(request(null, "How many vacation days do employees get per year?")))
                .isInstanceOf(ChatModelUnavailableException.class);
        assertThatThrownBy(() -> service.stream(request(null, "How many vacation days do employees get per year?"), t -> { }))
                .isInstanceOf(ChatModelUnavailableException.class);
    }

    @Test
    void should_not_call_the_model_when_no_passage_is_relevant() {
        ChatTurnResponse response = service.chat(request(null, "What is the boiling point of mercury in kelvin?"));

        assertThat(response.answer()).isEqualTo(ChatTurnService.NOT_FOUND);
        assertThat(requests).isEmpty();
    }

    private ChatTurnRequest request(String sessionId, String message) {
        return new ChatTurnRequest(TENANT, sessionId, message, List.of(kb), null);
    }

    private void complete(HttpExchange exchange) throws IOException {
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        requests.add(body);
        try (exchange) {
            if (stallMillis > 0) {
                sleep(stallMillis);
            }
            if (status != 200) {
                send(exchange, status, "application/json", "{\"error\":{\"message\":\"model overloaded\",\"type\":\"server_error\"}}");
            } else if (body.path("stream").asBoolean()) {
                exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
                exchange.sendResponseHeaders(200, 0);
                OutputStream out = exchange.getResponseBody();
                writeEvent(out, chunk().set("choices", JSON.createArrayNode().add(choice(JSON.createObjectNode()
                        .put("role", "assistant").put("content", "")))));
                for (String piece : CHUNKS) {
                    writeEvent(out, chunk().set("choices", JSON.createArrayNode().add(choice(JSON.createObjectNode()
                            .put("content", piece)))));
                }
                ObjectNode last = chunk();
                last.set("choices", JSON.createArrayNode().add(choice(JSON.createObjectNode()).put("finish_reason", "stop")));
                last.set("usage", usage());
                writeEvent(out, last);
                out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            } else {
                ObjectNode answer = JSON.createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion")
                        .put("created", 1).put("model", "fake-model");
                answer.set("choices", JSON.createArrayNode().add(JSON.createObjectNode().put("index", 0)
                        .put("finish_reason", "stop").set("message", JSON.createObjectNode()
                                .put("role", "assistant").put("content", String.join("", CHUNKS)))));
                answer.set("usage", usage());
                send(exchange, 200, "application/json", answer.toString());
            }
        }
    }

    private static ObjectNode chunk() {
        return JSON.createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion.chunk")
                .put("created", 1).put("model", "fake-model");
    }

    private static ObjectNode choice(ObjectNode delta) {
        ObjectNode choice = JSON.createObjectNode().put("index", 0);
        choice.set("delta", delta);
        return choice;
    }

    private static ObjectNode usage() {
        return JSON.createObjectNode().put("prompt_tokens", 321).put("completion_tokens", 12).put("total_tokens", 333);
    }

    private static void writeEvent(OutputStream out, JsonNode data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
