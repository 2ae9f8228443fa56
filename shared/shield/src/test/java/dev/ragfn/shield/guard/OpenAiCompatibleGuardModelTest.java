package dev.ragfn.shield.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.ragfn.shield.Direction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Runs the adapter against a local HTTP server that speaks the OpenAI chat-completions protocol
 * the way vLLM serving Llama Guard does: the verdict is the assistant message's content.
 */
class OpenAiCompatibleGuardModelTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer server;
    private final AtomicReference<JsonNode> lastRequest = new AtomicReference<>();
    private final AtomicReference<String> lastAuthorization = new AtomicReference<>();
    private volatile int status = 200;
    private volatile String content = "safe";

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            lastRequest.set(JSON.readTree(exchange.getRequestBody()));
            lastAuthorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            String body = status == 200
                    ? JSON.createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion")
                        .set("choices", JSON.createArrayNode().add(JSON.createObjectNode().put("index", 0)
                                .put("finish_reason", "stop")
                                .set("message", JSON.createObjectNode().put("role", "assistant").put("content", content))))
                        .toString()
                    : "{\"error\":{\"message\":\"model overloaded\"}}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private OpenAiCompatibleGuardModel guard() {
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
        return new OpenAiCompatibleGuardModel(base, "llama-guard", Optional.of("test-key"), Duration.ofSeconds(5));
    }

    @Test
    void should_judge_safe_and_send_the_text_as_user_turn_when_model_answers_safe() {
        // when
        GuardAssessment assessment = guard().assess("What is our leave policy?", Direction.INPUT);

        // then
        assertThat(assessment.safe()).isTrue();
        assertThat(lastRequest.get().path("model").asText()).isEqualTo("llama-guard");
        assertThat(lastRequest.get().path("messages").get(0).path("role").asText()).isEqualTo("user");
        assertThat(lastRequest.get().path("messages").get(0).path("content").asText()).isEqualTo("What is our leave policy?");
        assertThat(lastAuthorization.get()).isEqualTo("Bearer test-key");
    }

    @Test
    void should_judge_unsafe_with_categories_when_model_answers_unsafe() {
        // given
        content = "unsafe\nS1,S10";

        // when
        GuardAssessment assessment = guard().assess("an answer", Direction.OUTPUT);

        // then
        assertThat(assessment.safe()).isFalse();
        assertThat(assessment.categories()).containsExactly("S1", "S10");
        assertThat(lastRequest.get().path("messages").get(1).path("role").asText()).isEqualTo("assistant");
        assertThat(lastRequest.get().path("messages").get(1).path("content").asText()).isEqualTo("an answer");
    }

    @Test
    void should_throw_unavailable_when_endpoint_answers_an_error() {
        status = 503;

        assertThatThrownBy(() -> guard().assess("text", Direction.INPUT))
                .isInstanceOf(GuardModelUnavailableException.class)
                .hasMessageContaining("HTTP 503");
    }

    @Test
    void should_throw_unavailable_when_model_answers_neither_safe_nor_unsafe() {
        content = "I am not sure";

        assertThatThrownBy(() -> guard().assess("text", Direction.INPUT))
                .isInstanceOf(GuardModelUnavailableException.class)
                .hasMessageContaining("neither 'safe' nor 'unsafe'");
    }

    @Test
    void should_throw_unavailable_when_nothing_listens() {
        // given
        OpenAiCompatibleGuardModel guard = guard();
        server.stop(0);

        // when / then
        assertThatThrownBy(() -> guard.assess("text", Direction.INPUT)).isInstanceOf(GuardModelUnavailableException.class);
    }
}
