package dev.ragfn.embedding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.ragfn.bedrock.BedrockEmbeddingBackend;
import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.core.error.RagfnException;
import dev.ragfn.testing.TestConfig;
import dev.ragfn.testing.HttpReplies;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code ragfn.embedding.provider=bedrock} over the real Bedrock Runtime protocol: a local
 * {@link HttpServer} in this test answers InvokeModel ({@code POST /model/{modelId}/invoke}, a
 * Titan JSON body in, {@code {"embedding": [...]}} out) to the AWS SDK, which signs with static
 * dummy credentials, or fails the way Bedrock does ({@code x-amzn-ErrorType} header and a JSON
 * message), or stalls past the timeout.
 */
class BedrockEmbeddingModelTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DIMENSION = 256;
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIATESTKEY", "test-secret"));

    private HttpServer server;
    private ExecutorService serverThreads;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    /** Errors to answer, one per call, before answering normally. */
    private final ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
    private volatile long stallMillis;

    record Request(String path, String authorization, JsonNode body) {
    }

    record Failure(int status, String errorType, String message) {
    }

    @BeforeEach
    void start_the_fake_bedrock() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        serverThreads = Executors.newCachedThreadPool();
        server.setExecutor(serverThreads);
        server.createContext("/model/", this::invoke);
        server.start();
    }

    @AfterEach
    void stop_the_fake_bedrock() {
        server.stop(0);
        serverThreads.shutdownNow();
    }

    @Test
    void should_send_each_text_with_the_configured_dimension_to_titan_and_return_the_vectors_in_order() {
        EmbeddingModel model = model(Map.of());
        List<String> texts = List.of("alpha", "bravo", "charlie");

        List<Embedding> vectors = model.embedAll(texts.stream().map(TextSegment::from).toList()).content();

        assertThat(vectors).extracting(Embedding::vector).containsExactlyElementsOf(texts.stream().map(BedrockEmbeddingModelTest::vectorOf).toList());
        assertThat(requests).extracting(Request::path).containsOnly("/model/amazon.titan-embed-text-v2%3A0/invoke");
        assertThat(requests).extracting(r -> r.body().get("inputText").asText()).containsExactlyElementsOf(texts);
        assertThat(requests).extracting(r -> r.body().get("dimensions").asInt()).containsOnly(DIMENSION);
    }

    @Test
    void should_sign_each_call_with_the_credentials_for_the_configured_region() {
        EmbeddingModel model = model(Map.of("ragfn.bedrock.region", "eu-central-1"));

        model.embed("alpha");

        assertThat(requests.getFirst().authorization())
                .startsWith("AWS4-HMAC-SHA256 Credential=AKIATESTKEY/")
                .contains("/eu-central-1/bedrock/aws4_request");
    }

    @Test
    void should_call_the_configured_model_when_one_is_named() {
        EmbeddingModel model = model(Map.of("ragfn.embedding.model", "amazon.titan-embed-text-v1", "ragfn.embedding.dimension", "256"));

        model.embed("alpha");

        assertThat(requests.getFirst().path()).isEqualTo("/model/amazon.titan-embed-text-v1/invoke");
        // V1 has one size and refuses the parameter.
        assertThat(requests.getFirst().body().has("dimensions")).isFalse();
    }

    @Test
    void should_refuse_a_dimension_titan_v2_cannot_return_before_any_call() {
        assertThatThrownBy(() -> model(Map.of("ragfn.embedding.dimension", "384")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("[256, 512, 1024]")
                .hasMessageContaining("ragfn.embedding.dimension is 384");
    }

    @Test
    void should_refuse_a_model_that_does_not_speak_titans_format() {
        assertThatThrownBy(() -> model(Map.of("ragfn.embedding.model", "cohere.embed-english-v3")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("cohere.embed-english-v3");
    }

    @Test
    void should_fail_at_once_naming_the_model_and_bedrocks_reason_when_the_request_is_invalid() {
        failures.add(new Failure(400, "ValidationException", "Malformed input request: expected maxLength: 50000"));
        EmbeddingModel model = model(Map.of());

        assertThatThrownBy(() -> model.embed("alpha"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("model amazon.titan-embed-text-v2:0 on Bedrock at " + endpoint())
                .hasMessageContaining("HTTP 400 ValidationException: Malformed input request");
        assertThat(requests).hasSize(1);
    }

    @Test
    void should_name_the_missing_permission_when_bedrock_denies_access() {
        failures.add(new Failure(403, "AccessDeniedException", "You don't have access to the model with the specified model ID."));
        EmbeddingModel model = model(Map.of());

        assertThatThrownBy(() -> model.embed("alpha"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("AccessDeniedException")
                .hasMessageContaining("bedrock:InvokeModel");
    }

    @Test
    void should_retry_a_throttled_call_and_return_its_vector_when_bedrock_then_answers() {
        failures.add(new Failure(429, "ThrottlingException", "Too many requests, please wait before trying again."));
        EmbeddingModel model = model(Map.of());

        Embedding vector = model.embed("alpha").content();

        assertThat(vector.vector()).isEqualTo(vectorOf("alpha"));
        assertThat(requests).hasSize(2);
    }

    @Test
    void should_fail_with_a_retryable_error_when_bedrock_keeps_failing() {
        for (int i = 0; i < 10; i++) {
            failures.add(new Failure(500, "InternalServerException", "Internal server error"));
        }
        EmbeddingModel model = model(Map.of());

        assertThatThrownBy(() -> model.embed("alpha"))
                .isInstanceOf(EmbeddingModelUnavailableException.class)
                .hasMessageContaining("HTTP 500 InternalServerException")
                .satisfies(e -> assertThat(((RagfnException) e).kind().retryable()).isTrue());
    }

    @Test
    void should_give_up_after_the_configured_timeout_when_bedrock_does_not_answer() {
        stallMillis = 10_000;
        EmbeddingModel model = model(Map.of("ragfn.embedding.timeout", "PT1S"));
        long start = System.nanoTime();

        assertThatThrownBy(() -> model.embed("alpha"))
                .isInstanceOf(EmbeddingModelUnavailableException.class)
                .hasMessageContaining("on Bedrock at " + endpoint());
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
    }

    private EmbeddingModel model(Map<String, String> overrides) {
        Map<String, String> config = new HashMap<>(Map.of("ragfn.embedding.provider", "bedrock",
                "ragfn.embedding.dimension", String.valueOf(DIMENSION), "ragfn.bedrock.endpoint", endpoint()));
        config.putAll(overrides);
        return BedrockEmbeddingBackend.create(TestConfig.of(config), CREDENTIALS);
    }

    private String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void invoke(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            requests.add(new Request(exchange.getRequestURI().getRawPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"), body));
            if (stallMillis > 0) {
                HttpReplies.pause(stallMillis);
            }
            Failure failure = failures.poll();
            if (failure != null) {
                exchange.getResponseHeaders().add("x-amzn-ErrorType", failure.errorType() + ":http://internal.amazon.com/coral/com.amazon.bedrock/");
                HttpReplies.sendJson(exchange, failure.status(), JSON.createObjectNode().put("message", failure.message()).toString());
                return;
            }
            ObjectNode answer = JSON.createObjectNode();
            float[] vector = vectorOf(body.get("inputText").asText());
            var values = answer.putArray("embedding");
            for (float v : vector) {
                values.add(v);
            }
            answer.put("inputTextTokenCount", 2);
            HttpReplies.sendJson(exchange, 200, answer.toString());
        }
    }

    /** A vector that depends on the text alone, so a test can tell which text it belongs to. */
    private static float[] vectorOf(String text) {
        float[] vector = new float[DIMENSION];
        for (int i = 0; i < DIMENSION; i++) {
            vector[i] = ((text.hashCode() + 7 * i) % 1000) / 1000f;
        }
        return vector;
    }


}
