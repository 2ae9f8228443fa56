package dev.ragfn.chatturn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragfn.testing.OpenAiServer;
import dev.ragfn.testing.SseClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.ragfn.chatturn.StreamingModel.MODEL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged application streaming a model's answer through the output shield: what the model writes in
 * small chunks reaches the client only once the shield has passed it. The model is a local server speaking the
 * OpenAI protocol ({@link StreamingModel}).
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = StreamingModel.class, restrictToAnnotatedClass = true)
class ChatStreamShieldIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUESTION = "How many vacation days do employees get per year?";
    private static final String SECRET = "AKIAIOSFODNN7EXAMPLE";

    @TestHTTPResource("/chat/stream")
    URI stream;

    @Test
    void should_never_send_a_secret_and_end_with_a_blocked_event_when_the_model_streams_one_in_small_chunks()
            throws Exception {
        // given
        MODEL.answer(request -> pieces("Employees get 25 days [1]. The deploy key is " + SECRET
                + ", and the rest of the answer follows here.", 3));

        // when
        SseClient.Stream answer = SseClient.post(stream, request(QUESTION));

        // then
        String shown = String.join("", answer.tokens());
        assertThat(shown).startsWith("Employees get 25 days [1].").doesNotContain("AKIA").doesNotContain("rest of");
        SseClient.Event last = answer.events().getLast();
        assertThat(last.name()).isEqualTo("blocked");
        assertThat(last.json().at("/verdicts/output").asText()).isEqualTo("BLOCK");
        assertThat(last.json().get("answer").asText()).isEqualTo(ChatTurnService.BLOCKED_OUTPUT);
        assertThat(answer.events()).noneMatch(event -> event.data().contains("AKIA"));
    }

    @Test
    void should_send_the_address_redacted_and_never_in_clear_when_the_model_streams_an_email_in_small_chunks()
            throws Exception {
        // given
        MODEL.answer(request -> pieces("Ask jane.doe@example.com about the 25 days [1].", 2));

        // when
        SseClient.Stream answer = SseClient.post(stream, request(QUESTION));

        // then: redacted as the answer checked whole is, in the stream and in the final event
        assertThat(answer.events()).noneMatch(event -> event.data().contains("jane") || event.data().contains("@"));
        assertThat(String.join("", answer.tokens())).isEqualTo("Ask [EMAIL] about the 25 days [1].");
        JsonNode done = answer.done();
        assertThat(done.get("answer").asText()).isEqualTo("Ask [EMAIL] about the 25 days [1].");
        assertThat(done.at("/verdicts/output").asText()).isEqualTo("REDACT");
        assertThat(done.at("/sources/0/document/documentId").asText()).isEqualTo("vacation.md");
    }

    @Test
    void should_never_send_the_system_prompt_when_the_model_recites_it_in_small_chunks() throws Exception {
        // given: the model recites the instructions it was given, word by word
        MODEL.answer(request -> {
            String system = request.at("/messages/0/content").asText();
            String instructions = system.substring(0, system.indexOf("Sources:")).strip();
            return pieces("Sure. My instructions are: " + instructions, 4);
        });

        // when
        SseClient.Stream answer = SseClient.post(stream, request(QUESTION));

        // then
        String shown = String.join("", answer.tokens());
        assertThat(shown).doesNotContain("numbered sources").doesNotContain("Cite every");
        assertThat(answer.events().getLast().name()).isEqualTo("blocked");
        assertThat(answer.events().getLast().json().at("/verdicts/output").asText()).isEqualTo("BLOCK");
    }

    @Test
    void should_cancel_the_model_call_when_the_client_goes_away() throws Exception {
        // given: a long answer, written slowly
        int closedBefore = MODEL.closedByClient();
        MODEL.pace(50);
        MODEL.answer(request -> pieces("Employees get 25 days of paid vacation per year [1]. ".repeat(40), 6));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest post = HttpRequest.newBuilder(stream).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request(QUESTION)))).build();
        try {
            // when: the client reads the first token, then leaves
            HttpResponse<InputStream> response = http.send(post, HttpResponse.BodyHandlers.ofInputStream());
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line = lines.readLine();
                while (line != null && !line.startsWith("event:")) {
                    line = lines.readLine();
                }
                assertThat(line).startsWith("event:").endsWith("token");
            }

            // then: the model server sees its stream closed long before the answer's 480 chunks are out
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (MODEL.closedByClient() == closedBefore && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(MODEL.closedByClient()).isGreaterThan(closedBefore);
        } finally {
            MODEL.pace(0);
            http.close();
        }
    }

    static OpenAiServer.Text pieces(String text, int size) {
        List<String> pieces = new ArrayList<>();
        for (int at = 0; at < text.length(); at += size) {
            pieces.add(text.substring(at, Math.min(text.length(), at + size)));
        }
        return new OpenAiServer.Text(pieces);
    }

    static Map<String, Object> request(String message) {
        return Map.of("tenant", StreamingModel.TENANT, "message", message,
                "knowledgeBases", List.of(StreamingModel.knowledgeBase));
    }
}
