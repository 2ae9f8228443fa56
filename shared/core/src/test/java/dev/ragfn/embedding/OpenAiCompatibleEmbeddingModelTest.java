package dev.ragfn.embedding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.core.error.RagfnException;
import dev.ragfn.testing.TestConfig;
import dev.ragfn.testing.HttpReplies;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code ragfn.embedding.provider=openai} over its real HTTP protocol: a local {@link HttpServer}
 * in this test speaks OpenAI's {@code POST /v1/embeddings} (JSON in, numbered vectors out), fails
 * with a status on demand, or stalls past the timeout. The model is built from configuration the
 * way the functions build it.
 */
class OpenAiCompatibleEmbeddingModelTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DIMENSION = 8;
    private static final List<String> TEXTS = List.of("alpha", "bravo", "charlie", "delta", "echo");

    private HttpServer server;
    private ExecutorService serverThreads;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile int answeredDimension = DIMENSION;
    private volatile int droppedVectors;
    private volatile long stallMillis;

    record Request(String authorization, JsonNode body) {
    }

    @BeforeEach
    void start_the_fake_provider() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        serverThreads = Executors.newCachedThreadPool();
        server.setExecutor(serverThreads);
        server.createContext("/v1/embeddings", this::embed);
        server.start();
    }

    @AfterEach
    void stop_the_fake_provider() {
        server.stop(0);
        serverThreads.shutdownNow();
    }

    @Test
    void should_return_each_vector_at_its_texts_position_when_the_server_numbers_them_out_of_order() {
        EmbeddingModel model = model(Map.of());

        List<Embedding> vectors = model.embedAll(segments(TEXTS)).content();

        assertThat(vectors).extracting(Embedding::vector).containsExactlyElementsOf(TEXTS.stream().map(t -> vectorOf(t, DIMENSION)).toList());
    }

    @Test
    void should_send_at_most_batch_size_texts_per_request_when_given_more() {
        EmbeddingModel model = model(Map.of("ragfn.embedding.batch-size", "2"));

        model.embedAll(segments(TEXTS));

        assertThat(requests).extracting(r -> r.body().get("input").size()).containsExactly(2, 2, 1);
        assertThat(requests).flatExtracting(r -> texts(r.body().get("input"))).containsExactlyElementsOf(TEXTS);
    }

    @Test
    void should_send_the_api_key_as_a_bearer_token_and_the_model_name_when_configured() {
        EmbeddingModel model = model(Map.of("ragfn.embedding.api-key", "sk-test-123", "ragfn.embedding.model", "bge-small-en"));

        model.embed("alpha");

        Request sent = requests.getFirst();
        assertThat(sent.authorization()).isEqualTo("Bearer sk-test-123");
        assertThat(sent.body().get("model").asText()).isEqualTo("bge-small-en");
        // vLLM refuses "dimensions" for models that cannot shorten their vectors: only sent on request.
        assertThat(sent.body().has("dimensions")).isFalse();
    }

    @Test
    void should_ask_for_the_configured_dimension_when_send_dimension_is_on() {
        EmbeddingModel model = model(Map.of("ragfn.embedding.send-dimension", "true"));

        model.embed("alpha");

        assertThat(requests.getFirst().body().get("dimensions").asInt()).isEqualTo(DIMENSION);
    }

    @Test
    void should_fail_naming_the_configured_dimension_when_the_model_returns_vectors_of_another_size() {
        answeredDimension = 12;
        EmbeddingModel model = model(Map.of());

        assertThatThrownBy(() -> model.embedAll(segments(TEXTS)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("returned 12-dimensional vectors")
                .hasMessageContaining("ragfn.embedding.dimension is " + DIMENSION);
    }

    @Test
    void should_fail_naming_the_endpoint_and_the_key_setting_when_the_provider_answers_401() {
        status = 401;
        EmbeddingModel model = model(Map.of("ragfn.embedding.api-key", "wrong"));

        assertThatThrownBy(() -> model.embed("alpha"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at " + baseUrl() + "/embeddings")
                .hasMessageContaining("HTTP 401")
                .hasMessageContaining("Incorrect API key")
                .hasMessageContaining("ragfn.embedding.api-key");
    }

    @Test
    void should_fail_with_a_retryable_error_naming_the_endpoint_when_the_provider_answers_500() {
        status = 500;
        EmbeddingModel model = model(Map.of());

        assertThatThrownBy(() -> model.embed("alpha"))
                .isInstanceOf(EmbeddingModelUnavailableException.class)
                .hasMessageContaining("at " + baseUrl() + "/embeddings")
                .hasMessageContaining("HTTP 500")
                .satisfies(e -> assertThat(((RagfnException) e).kind().retryable()).isTrue());
    }

    @Test
    void should_fail_when_the_provider_returns_fewer_vectors_than_texts() {
        droppedVectors = 1;
        EmbeddingModel model = model(Map.of());

        assertThatThrownBy(() -> model.embedAll(segments(TEXTS)))
                .isInstanceOf(EmbeddingModelUnavailableException.class)
                .hasMessageContaining("returned 4 vectors for 5 texts");
    }

    @Test
    void should_give_up_after_the_configured_timeout_when_the_provider_does_not_answer() {
        stallMillis = 10_000;
        EmbeddingModel model = model(Map.of("ragfn.embedding.timeout", "PT0.5S"));
        long start = System.nanoTime();

        assertThatThrownBy(() -> model.embed("alpha"))
                .isInstanceOf(EmbeddingModelUnavailableException.class)
                .hasMessageContaining("did not answer within PT0.5S")
                .hasMessageContaining("ragfn.embedding.timeout");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
    }

    private EmbeddingModel model(Map<String, String> overrides) {
        Map<String, String> config = new HashMap<>(Map.of("ragfn.embedding.provider", "openai",
                "ragfn.embedding.base-url", baseUrl(), "ragfn.embedding.dimension", String.valueOf(DIMENSION)));
        config.putAll(overrides);
        return EmbeddingModels.create(TestConfig.of(config));
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    private void embed(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            requests.add(new Request(exchange.getRequestHeaders().getFirst("Authorization"), body));
            if (stallMillis > 0) {
                HttpReplies.pause(stallMillis);
            }
            if (status != 200) {
                String message = status == 401 ? "Incorrect API key provided" : "model crashed";
                HttpReplies.sendJson(exchange, status, "{\"error\":{\"message\":\"" + message + "\",\"type\":\"server_error\"}}");
                return;
            }
            List<String> texts = texts(body.get("input"));
            ArrayNode data = JSON.createArrayNode();
            // Numbered vectors, last first: the protocol promises the numbers, not the order.
            for (int i = texts.size() - 1; i >= droppedVectors; i--) {
                ObjectNode item = data.addObject().put("object", "embedding").put("index", i);
                float[] vector = vectorOf(texts.get(i), answeredDimension);
                ArrayNode values = item.putArray("embedding");
                for (float v : vector) {
                    values.add(v);
                }
            }
            ObjectNode answer = JSON.createObjectNode().put("object", "list").put("model", body.get("model").asText());
            answer.set("data", data);
            answer.putObject("usage").put("prompt_tokens", texts.size()).put("total_tokens", texts.size());
            HttpReplies.sendJson(exchange, 200, answer.toString());
        }
    }

    /** A vector that depends on the text alone, so a test can tell which text it belongs to. */
    private static float[] vectorOf(String text, int dimension) {
        float[] vector = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            vector[i] = ((text.hashCode() + 31 * i) % 1000) / 1000f;
        }
        return vector;
    }

    private static List<String> texts(JsonNode input) {
        List<String> texts = new ArrayList<>();
        input.forEach(t -> texts.add(t.asText()));
        return texts;
    }

    private static List<TextSegment> segments(List<String> texts) {
        return texts.stream().map(TextSegment::from).toList();
    }


}
