package dev.ragfn.chatturn;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.ragfn.core.error.RagfnException;
import dev.ragfn.core.port.SessionStore;
import dev.ragfn.core.port.VectorIndex;
import dev.ragfn.retrieve.RetrieveService;
import dev.ragfn.shield.Shield;
import dev.ragfn.testing.OpenAiServer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The model provider path against its real HTTP protocol: a local server ({@link OpenAiServer})
 * speaks OpenAI chat completions (a JSON answer, or {@code text/event-stream} chunks ending in
 * {@code data: [DONE]} when the request asks to stream), fails with 500 or 429 on demand, or
 * stalls past the timeout. Retrieval, embeddings, shield and sessions are the application's beans.
 */
@QuarkusTest
class OpenAiChatModelTest {

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

    private final OpenAiServer model = new OpenAiServer();
    private ChatTurnService service;
    private String kb;

    @BeforeEach
    void start_the_fake_provider() {
        model.answer(request -> new OpenAiServer.Text(CHUNKS));
        ChatConfig config = new TestConfig(Map.of("ragfn.chat.provider", "openai", "ragfn.chat.base-url", model.baseUrl(),
                "ragfn.chat.model", "fake-model", "ragfn.chat.api-key", "test-key", "ragfn.chat.timeout", "2s")).chat();
        service = new ChatTurnService(retrieve, embeddings, shield, sessions, config, ChatModels.create(config),
                Clock.systemUTC());
        kb = Handbook.index(index, embeddings, TENANT);
    }

    @AfterEach
    void stop_the_fake_provider() {
        model.close();
    }

    @Test
    void should_answer_with_the_models_text_and_numbered_sources_when_a_model_is_configured() {
        ChatTurnResponse response = service.chat(request(null, "How many vacation days do employees get per year?"));

        assertThat(response.answer()).isEqualTo(String.join("", CHUNKS));
        assertThat(response.extractive()).isFalse();
        assertThat(response.sources().getFirst().document().documentId()).isEqualTo("vacation.md");
        assertThat(response.promptTokens()).isEqualTo(100);
        assertThat(response.completionTokens()).isEqualTo(10);
        assertThat(response.verdicts()).containsEntry("output", "ALLOW");
        JsonNode sent = model.requests().getFirst();
        assertThat(sent.get("model").asText()).isEqualTo("fake-model");
        assertThat(sent.at("/messages/0/role").asText()).isEqualTo("system");
        assertThat(sent.at("/messages/0/content").asText()).contains("[1] Vacation policy (vacation.md)");
        assertThat(sent.at("/messages/1/content").asText()).isEqualTo("How many vacation days do employees get per year?");
    }

    @Test
    void should_hand_on_the_streamed_answer_piece_by_piece_when_the_answer_streams() {
        List<String> tokens = new CopyOnWriteArrayList<>();

        ChatTurnResponse response = service.stream(request(null, "How many vacation days do employees get per year?"), tokens::add);

        assertThat(model.requests().getFirst().get("stream").asBoolean()).isTrue();
        // A chunk's last word waits for the next chunk: it might yet be the start of an address or a key.
        assertThat(tokens).hasSizeGreaterThan(1);
        assertThat(String.join("", tokens)).isEqualTo(String.join("", CHUNKS));
        assertThat(response.answer()).isEqualTo(String.join("", CHUNKS));
        assertThat(sessions.lastTurns(TENANT, response.sessionId(), 5)).singleElement()
                .satisfies(turn -> assertThat(turn.answer()).isEqualTo(response.answer()));
    }

    @Test
    void should_send_the_earlier_turns_when_a_follow_up_continues_the_session() {
        String sessionId = service.chat(request(null, "How many vacation days do employees get per year?")).sessionId();

        service.chat(request(sessionId, "Who approves vacation requests?"));

        JsonNode followUp = model.requests().getLast();
        assertThat(followUp.get("messages")).extracting(m -> m.get("role").asText() + ": " + m.get("content").asText())
                .contains("user: How many vacation days do employees get per year?",
                        "assistant: " + String.join("", CHUNKS),
                        "user: Who approves vacation requests?");
    }

    @Test
    void should_fail_with_an_unavailable_error_when_the_provider_answers_500() {
        model.fail(500);

        assertThatThrownBy(() -> service.chat(request(null, "How many vacation days do employees get per year?")))
                .isInstanceOf(ChatModelUnavailableException.class)
                .hasMessageContaining("model fake-model at http://127.0.0.1:")
                .hasMessageContaining("model overloaded")
                .satisfies(e -> assertThat(((RagfnException) e).kind().retryable()).isTrue());
    }

    @Test
    void should_fail_with_an_unavailable_error_when_the_provider_limits_the_rate() {
        model.fail(429);

        assertThatThrownBy(() -> service.stream(request(null, "How many vacation days do employees get per year?"), t -> { }))
                .isInstanceOf(ChatModelUnavailableException.class)
                .hasMessageContaining("RateLimit");
    }

    @Test
    void should_fail_with_an_unavailable_error_when_the_provider_does_not_answer_in_time() {
        model.stall(5_000);

        assertThatThrownBy(() -> service.chat(request(null, "How many vacation days do employees get per year?")))
                .isInstanceOf(ChatModelUnavailableException.class);
        assertThatThrownBy(() -> service.stream(request(null, "How many vacation days do employees get per year?"), t -> { }))
                .isInstanceOf(ChatModelUnavailableException.class);
    }

    @Test
    void should_not_call_the_model_when_no_passage_is_relevant() {
        ChatTurnResponse response = service.chat(request(null, "What is the boiling point of mercury in kelvin?"));

        assertThat(response.answer()).isEqualTo(ChatTurnService.NOT_FOUND);
        assertThat(model.requests()).isEmpty();
    }

    private ChatTurnRequest request(String sessionId, String message) {
        return new ChatTurnRequest(TENANT, sessionId, message, List.of(kb), null);
    }
}
