package dev.ragfn.chatturn;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragfn.core.domain.Assistant;
import dev.ragfn.core.port.AssistantStore;
import dev.ragfn.testing.OpenAiServer;
import dev.ragfn.testing.SseClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.ragfn.chatturn.StreamingModel.MODEL;
import static dev.ragfn.chatturn.StreamingModel.TENANT;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * A chat turn naming an assistant, through both chat endpoints of the application, with a local
 * OpenAI-protocol model that shows what reached it. The tenant has a shield policy of its own,
 * {@code strict}, that an assistant may name.
 */
@QuarkusTest
@QuarkusTestResource(value = AssistantChatTest.ModelAndPolicies.class, restrictToAnnotatedClass = true)
class AssistantChatTest {

    private static final String QUESTION = "How many vacation days do employees get per year?";
    private static final String INSTRUCTIONS = "You are Ada, the Initech HR helper. Answer in one friendly sentence.";

    /** {@link StreamingModel}, with a policy directory in which the tenant keeps its strict policy. */
    public static final class ModelAndPolicies implements QuarkusTestResourceLifecycleManager {

        private final StreamingModel model = new StreamingModel();

        @Override
        public Map<String, String> start() {
            Map<String, String> config = new HashMap<>(model.start());
            try {
                Path policies = Files.createDirectories(Path.of(config.get("ragfn.data-dir"), "policies", TENANT));
                Files.writeString(policies.resolve("strict.yaml"),
                        "input: {detectors: [blocked-words]}\nblockedWords: [project zeus]\n");
                config.put("ragfn.shield.policy-dir", policies.getParent().toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return config;
        }

        @Override
        public void stop() {
            model.stop();
        }
    }

    @Inject
    AssistantStore assistants;

    @TestHTTPResource("/chat/stream")
    URI stream;

    private String id;

    @BeforeEach
    void store_an_assistant() {
        MODEL.answer(request -> new OpenAiServer.Text("Employees get ", "25 days [1]."));
        id = "hr-" + UUID.randomUUID().toString().substring(0, 8);
        assistants.create(assistant(TENANT, id, INSTRUCTIONS, null));
    }

    @Test
    void should_answer_under_the_assistants_instructions_and_model_settings_when_a_posted_turn_names_it() {
        // when
        String sessionId = given().contentType("application/json").body(request(id, QUESTION)).post("/chat").then()
                .statusCode(200)
                .body("assistant.id", equalTo(id))
                .body("assistant.version", equalTo(1))
                .body("sources[0].document.documentId", equalTo("vacation.md"))
                .body("sources[0].headingPath", contains("Handbook", "Time off"))
                .extract().path("sessionId");

        // then
        JsonNode sent = MODEL.requests().getLast();
        assertThat(sent.at("/messages/0/role").asText()).isEqualTo("system");
        assertThat(sent.at("/messages/0/content").asText()).startsWith(INSTRUCTIONS)
                .contains("[1] Vacation policy (vacation.md)");
        assertThat(sent.get("model").asText()).isEqualTo("assistant-model");
        assertThat(sent.get("temperature").asDouble()).isEqualTo(0.3);
        given().queryParam("tenant", TENANT).get("/chat/sessions/" + sessionId).then().statusCode(200)
                .body("turns[0].assistant.id", equalTo(id))
                .body("turns[0].assistant.version", equalTo(1));
    }

    @Test
    void should_stream_under_the_current_version_and_record_it_when_the_assistant_was_updated() throws Exception {
        // given
        Assistant stored = assistants.find(TENANT, id).orElseThrow();
        assistants.update(assistant(TENANT, id, "You are Bob, terse and exact.", null), stored.version());

        // when
        SseClient.Stream answer = SseClient.post(stream, request(id, QUESTION));

        // then
        JsonNode done = answer.done();
        assertThat(String.join("", answer.tokens())).isEqualTo("Employees get 25 days [1].");
        assertThat(done.at("/assistant/id").asText()).isEqualTo(id);
        assertThat(done.at("/assistant/version").asLong()).isEqualTo(2);
        assertThat(MODEL.requests().getLast().at("/messages/0/content").asText())
                .startsWith("You are Bob, terse and exact.").doesNotContain("Ada");
        given().queryParam("tenant", TENANT).get("/chat/sessions/" + done.get("sessionId").asText()).then()
                .statusCode(200).body("turns[0].assistant.version", equalTo(2));
    }

    @Test
    void should_answer_404_without_the_other_tenants_settings_when_the_assistant_is_another_tenants() {
        // given
        String theirs = "their-" + id;
        assistants.create(assistant("globex", theirs, "Globex secret playbook", null));
        int calls = MODEL.requests().size();

        // when / then
        for (String path : List.of("/chat", "/chat/stream")) {
            for (String unknown : List.of(theirs, "no-such-assistant")) {
                given().contentType("application/json").body(request(unknown, QUESTION)).post(path).then()
                        .statusCode(404)
                        .contentType("application/json")
                        .body("kind", equalTo("NOT_FOUND"))
                        .body("message", containsString("assistant " + unknown + " of tenant " + TENANT))
                        .body(not(containsString("playbook")));
            }
        }
        assertThat(MODEL.requests()).hasSize(calls);
    }

    @Test
    void should_check_the_message_under_the_assistants_shield_policy_when_it_names_one() throws Exception {
        // given
        String strict = "strict-" + id;
        assistants.create(assistant(TENANT, strict, INSTRUCTIONS, "strict"));

        // when
        JsonNode guarded = SseClient.post(stream, request(strict, "What is project zeus?")).done();
        JsonNode inline = SseClient.post(stream, request(id, "What is project zeus?")).done();

        // then
        assertThat(guarded.at("/verdicts/input").asText()).isEqualTo("BLOCK");
        assertThat(guarded.get("answer").asText()).isEqualTo(ChatTurnService.BLOCKED_INPUT);
        assertThat(inline.at("/verdicts/input").asText()).isEqualTo("ALLOW");
    }

    @Test
    void should_refuse_the_turn_before_streaming_when_it_widens_the_assistants_knowledge_bases_or_names_an_unknown_policy() {
        // given
        String missing = "missing-" + id;
        assistants.create(assistant(TENANT, missing, INSTRUCTIONS, "lenient"));
        Map<String, Object> widened = new HashMap<>(request(id, QUESTION));
        widened.put("knowledgeBases", List.of("payroll"));

        // when / then
        given().contentType("application/json").body(widened).post("/chat/stream").then()
                .statusCode(400).body("kind", equalTo("INVALID_INPUT"))
                .body("message", containsString("not widen them"));
        given().contentType("application/json").body(request(missing, QUESTION)).post("/chat/stream").then()
                .statusCode(400).body("kind", equalTo("INVALID_INPUT"))
                .body("message", containsString("shield policy lenient of tenant " + TENANT + " does not exist"));
    }

    private static Map<String, Object> request(String assistantId, String message) {
        return Map.of("tenant", TENANT, "message", message, "assistantId", assistantId);
    }

    private static Assistant assistant(String tenant, String id, String instructions, String shieldPolicy) {
        return new Assistant(tenant, id, "HR helper", instructions,
                new Assistant.ModelSettings("assistant-model", 0.3, 200), List.of(StreamingModel.knowledgeBase),
                List.of(), List.of(), shieldPolicy, "hybrid", 4, 0, Instant.EPOCH, Instant.EPOCH);
    }
}
