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
import dev.ragfn.testing.HttpReplies;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.eventstream.HeaderValue;
import software.amazon.awssdk.eventstream.Message;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code ragfn.chat.provider=bedrock} over Bedrock Runtime's real protocol: a local
 * {@link HttpServer} in this test answers the AWS SDK's Converse ({@code POST
 * /model/{modelId}/converse}, JSON) and ConverseStream ({@code /converse-stream}, answered in
 * AWS event-stream binary frames, {@code application/vnd.amazon.eventstream}, one frame per
 * event), fails the way Bedrock does ({@code x-amzn-ErrorType} and a JSON message), or stalls
 * past the timeout. The SDK signs with static dummy credentials. Retrieval, embeddings, shield
 * and sessions are the application's beans.
 */
@QuarkusTest
class BedrockChatModelTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TENANT = "initech";
    private static final String QUESTION = "How many vacation days do employees get per year?";
    private static final List<String> CHUNKS = List.of("Employees get ", "25 days of paid ", "vacation per year [1].");
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIATESTKEY", "test-secret"));

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
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String errorType;
    private volatile long stallMillis;
    private String kb;

    record Request(String path, String authorization, JsonNode body) {
    }

    @BeforeEach
    void start_the_fake_bedrock() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        serverThreads = Executors.newCachedThreadPool();
        server.setExecutor(serverThreads);
        server.createContext("/model/", this::converse);
        server.start();
        kb = Handbook.index(index, embeddings, TENANT);
    }

    @AfterEach
    void stop_the_fake_bedrock() {
        server.stop(0);
        serverThreads.shutdownNow();
    }

    @Test
    void should_answer_through_converse_with_numbered_sources_when_bedrock_is_the_provider() {
        ChatTurnService service = service(Map.of("ragfn.chat.bedrock.region", "eu-west-3"));

        ChatTurnResponse response = service.chat(request(null, QUESTION));

        assertThat(response.answer()).isEqualTo(String.join("", CHUNKS));
        assertThat(response.extractive()).isFalse();
        assertThat(response.sources().getFirst().document().documentId()).isEqualTo("vacation.md");
        assertThat(response.promptTokens()).isEqualTo(321);
        assertThat(response.completionTokens()).isEqualTo(12);
        Request sent = requests.getFirst();
        assertThat(sent.path()).isEqualTo("/model/amazon.nova-lite-v1%3A0/converse");
        assertThat(sent.authorization()).startsWith("AWS4-HMAC-SHA256 Credential=AKIATESTKEY/")
                .contains("/eu-west-3/bedrock/aws4_request");
        assertThat(sent.body().at("/system/0/text").asText()).contains("[1] Vacation policy (vacation.md)");
        assertThat(sent.body().at("/messages/0/role").asText()).isEqualTo("user");
        assertThat(sent.body().at("/messages/0/content/0/text").asText()).isEqualTo(QUESTION);
        assertThat(sent.body().at("/inferenceConfig/maxTokens").asInt()).isEqualTo(512);
        assertThat(sent.body().at("/inferenceConfig/temperature").asDouble()).isEqualTo(0.2);
    }

    @Test
    void should_hand_on_each_streamed_token_in_order_when_the_answer_streams_over_converse_stream() {
        ChatTurnService service = service(Map.of("ragfn.chat.bedrock.region", "us-west-2",
                "ragfn.chat.model", "anthropic.claude-3-haiku-20240307-v1:0"));
        List<String> tokens = new CopyOnWriteArrayList<>();

        ChatTurnResponse response = service.stream(request(null, QUESTION), tokens::add);

        assertThat(requests.getFirst().path()).isEqualTo("/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse-stream");
        assertThat(requests.getFirst().authorization()).contains("/us-west-2/bedrock/aws4_request");
        assertThat(tokens).hasSizeGreaterThan(1);
        assertThat(String.join("", tokens)).isEqualTo(String.join("", CHUNKS));
        assertThat(response.answer()).isEqualTo(String.join("", CHUNKS));
        assertThat(response.promptTokens()).isEqualTo(321);
        assertThat(response.completionTokens()).isEqualTo(12);
        assertThat(sessions.lastTurns(TENANT, response.sessionId(), 5)).singleElement()
                .satisfies(turn -> assertThat(turn.answer()).isEqualTo(response.answer()));
    }

    @Test
    void should_send_the_earlier_turns_when_a_follow_up_continues_the_session() {
        ChatTurnService service = service(Map.of());
        String sessionId = service.chat(request(null, QUESTION)).sessionId();

        service.chat(request(sessionId, "Who approves vacation requests?"));

        JsonNode followUp = requests.getLast().body();
        assertThat(followUp.get("messages")).extracting(m -> m.get("role").asText() + ": " + m.at("/content/0/text").asText())
                .containsExactly("user: " + QUESTION, "assistant: " + String.join("", CHUNKS),
                        "user: Who approves vacation requests?");
    }

    @Test
    void should_fail_with_a_clear_error_naming_the_model_when_bedrock_rejects_the_request() {
        status = 400;
        errorType = "ValidationException";
        ChatTurnService service = service(Map.of());

        assertThatThrownBy(() -> service.chat(request(null, QUESTION)))
                .isInstanceOf(ChatModelUnavailableException.class)
                .hasMessageContaining("model amazon.nova-lite-v1:0 on Bedrock at " + endpoint())
                .hasMessageContaining("The provided model identifier is invalid.")
                .hasMessageContaining("Status Code: 400");
        assertThatThrownBy(() -> service.stream(request(null, QUESTION), t -> { }))
                .isInstanceOf(ChatModelUnavailableException.class)
                .hasMessageContaining("The provided model identifier is invalid.");
    }

    @Test
    void should_fail_with_a_retryable_error_when_bedrock_throttles() {
        status = 429;
        errorType = "ThrottlingException";
        ChatTurnService service = service(Map.of());

        assertThatThrownBy(() -> service.stream(request(null, QUESTION), t -> { }))
                .isInstanceOf(ChatModelUnavailableException.class)
                .hasMessageContaining("Too many requests")
                .hasMessageContaining("Status Code: 429")
                .satisfies(e -> assertThat(((RagfnException) e).kind().retryable()).isTrue());
        assertThatThrownBy(() -> service.chat(request(null, QUESTION)))
                .isInstanceOf(ChatModelUnavailableException.class)
                .hasMessageContaining("Status Code: 429");
        // No retry inside the call: the platform retries the turn.
        assertThat(requests).hasSize(2);
    }

    @Test
    void should_fail_with_an_unavailable_error_when_bedrock_does_not_answer_in_time() {
        stallMillis = 6_000;
        ChatTurnService service = service(Map.of("ragfn.chat.timeout", "2s"));
        long start = System.nanoTime();

        assertThatThrownBy(() -> service.chat(request(null, QUESTION)))
                .isInstanceOf(ChatModelUnavailableException.class);
        assertThatThrownBy(() -> service.stream(request(null, QUESTION), t -> { }))
                .isInstanceOf(ChatModelUnavailableException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
    }

    private ChatTurnService service(Map<String, String> settings) {
        Map<String, String> values = new HashMap<>(Map.of("ragfn.chat.provider", "bedrock",
                "ragfn.chat.bedrock.endpoint", endpoint()));
        values.putAll(settings);
        ChatConfig chat = new TestConfig(values).chat();
        return new ChatTurnService(retrieve, embeddings, shield, sessions, chat, ChatModels.create(chat, CREDENTIALS),
                Clock.systemUTC());
    }

    private ChatTurnRequest request(String sessionId, String message) {
        return new ChatTurnRequest(TENANT, sessionId, message, List.of(kb), null);
    }

    private String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void converse(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            requests.add(new Request(path, exchange.getRequestHeaders().getFirst("Authorization"),
                    JSON.readTree(exchange.getRequestBody())));
            if (stallMillis > 0) {
                HttpReplies.pause(stallMillis);
            }
            if (status != 200) {
                String message = status == 429 ? "Too many requests, please wait before trying again."
                        : "The provided model identifier is invalid.";
                exchange.getResponseHeaders().add("x-amzn-ErrorType", errorType + ":http://internal.amazon.com/coral/com.amazon.bedrock/");
                HttpReplies.send(exchange, status, "application/json", JSON.createObjectNode().put("message", message).toString());
            } else if (path.endsWith("/converse-stream")) {
                exchange.getResponseHeaders().add("Content-Type", "application/vnd.amazon.eventstream");
                exchange.sendResponseHeaders(200, 0);
                OutputStream out = exchange.getResponseBody();
                writeEvent(out, "messageStart", JSON.createObjectNode().put("role", "assistant"));
                for (String piece : CHUNKS) {
                    ObjectNode delta = JSON.createObjectNode().put("contentBlockIndex", 0);
                    delta.putObject("delta").put("text", piece);
                    writeEvent(out, "contentBlockDelta", delta);
                }
                writeEvent(out, "contentBlockStop", JSON.createObjectNode().put("contentBlockIndex", 0));
                writeEvent(out, "messageStop", JSON.createObjectNode().put("stopReason", "end_turn"));
                ObjectNode metadata = JSON.createObjectNode();
                metadata.set("usage", usage());
                metadata.putObject("metrics").put("latencyMs", 42);
                writeEvent(out, "metadata", metadata);
            } else {
                ObjectNode answer = JSON.createObjectNode();
                ObjectNode message = answer.putObject("output").putObject("message").put("role", "assistant");
                message.putArray("content").addObject().put("text", String.join("", CHUNKS));
                answer.put("stopReason", "end_turn");
                answer.set("usage", usage());
                answer.putObject("metrics").put("latencyMs", 42);
                HttpReplies.send(exchange, 200, "application/json", answer.toString());
            }
        }
    }

    private static ObjectNode usage() {
        return JSON.createObjectNode().put("inputTokens", 321).put("outputTokens", 12).put("totalTokens", 333);
    }

    /** One event-stream frame: prelude, headers naming the event, the JSON payload, CRCs. */
    private static void writeEvent(OutputStream out, String eventType, JsonNode payload) throws IOException {
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put(":event-type", HeaderValue.fromString(eventType));
        headers.put(":content-type", HeaderValue.fromString("application/json"));
        headers.put(":message-type", HeaderValue.fromString("event"));
        new Message(headers, payload.toString().getBytes(StandardCharsets.UTF_8)).encode(out);
        out.flush();
    }


}
