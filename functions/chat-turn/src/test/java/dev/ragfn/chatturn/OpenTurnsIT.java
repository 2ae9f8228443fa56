package dev.ragfn.chatturn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragfn.testing.OpenAiServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.ragfn.chatturn.StreamingModel.MODEL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged application with room for two open turns: a third is refused with 503, Retry-After and a JSON
 * problem naming the key to raise, and a slot frees once a stream ends, by its answer or by its client going away.
 * The model holds every answer until the test lets it go, so the two first streams stay open as long as needed.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = StreamingModel.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "ragfn.chat.max-open-turns", value = "2"))
class OpenTurnsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUESTION = "How many vacation days do employees get per year?";
    /** Asked by the probes, which the model answers at once. */
    private static final String OTHER_QUESTION = "Who approves vacation requests?";
    private static final String ANSWER = "Employees get 25 days of paid vacation per year [1].";

    @TestHTTPResource("/chat/stream")
    URI stream;
    @TestHTTPResource("/chat")
    URI chat;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final CountDownLatch answer = new CountDownLatch(1);
    private final CountDownLatch held = new CountDownLatch(2);
    private final List<HttpResponse<InputStream>> open = new ArrayList<>();

    @AfterEach
    void let_the_model_answer_and_read_the_streams_to_their_end() throws Exception {
        // Read to the end, so their slots are free before the next test opens streams.
        answer.countDown();
        for (HttpResponse<InputStream> response : open) {
            try (InputStream body = response.body()) {
                body.readAllBytes();
            }
        }
        http.close();
    }

    @Test
    void should_refuse_a_turn_with_503_and_retry_after_when_as_many_as_allowed_are_open() throws Exception {
        // given: two streams open, their answers held by the model
        holdAnswers();
        open.add(openStream());
        open.add(openStream());
        assertThat(held.await(60, TimeUnit.SECONDS)).isTrue();
        int modelCalls = MODEL.requests().size();

        // when: a third stream, and a turn that does not stream
        HttpResponse<String> thirdStream = post(stream, QUESTION);
        HttpResponse<String> notStreamed = post(chat, QUESTION);

        // then: both refused at once, saying when to retry and which key to raise, and the model never called
        for (HttpResponse<String> refused : List.of(thirdStream, notStreamed)) {
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            JsonNode problem = JSON.readTree(refused.body());
            assertThat(problem.get("kind").asText()).isEqualTo("UNAVAILABLE");
            assertThat(problem.get("message").asText()).contains("2 turns open").contains("ragfn.chat.max-open-turns");
        }
        assertThat(MODEL.requests()).hasSize(modelCalls);
    }

    @Test
    void should_admit_the_next_turn_when_an_open_stream_has_ended() throws Exception {
        // given: two streams open, their answers held by the model
        holdAnswers();
        HttpResponse<InputStream> first = openStream();
        open.add(first);
        open.add(openStream());
        assertThat(post(stream, OTHER_QUESTION).statusCode()).isEqualTo(503);

        // when: the model answers, and the first stream is read to its end
        answer.countDown();
        String events = new String(first.body().readAllBytes(), StandardCharsets.UTF_8);

        // then: its slot is free for the next turn
        assertThat(lastEvent(events)).isEqualTo("done");
        HttpResponse<String> next = post(stream, OTHER_QUESTION);
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(lastEvent(next.body())).isEqualTo("done");
    }

    @Test
    void should_admit_the_next_turn_when_the_client_of_an_open_stream_has_gone_away() throws Exception {
        // given: two streams open, their answers held by the model
        holdAnswers();
        HttpResponse<InputStream> leaving = openStream();
        open.add(openStream());
        assertThat(post(chat, OTHER_QUESTION).statusCode()).isEqualTo(503);

        // when: the first client goes away before its answer
        leaving.body().close();

        // then: the server notices and frees its slot (when is up to the connection, so the test asks again)
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int status = post(chat, OTHER_QUESTION).statusCode();
        while (status == 503 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            status = post(chat, OTHER_QUESTION).statusCode();
        }
        assertThat(status).isEqualTo(200);
    }

    /** The model answers {@link #QUESTION} only once the test lets it, any other question at once. */
    private void holdAnswers() {
        MODEL.answer(request -> {
            if (OpenAiServer.prompt(request).contains(QUESTION)) {
                held.countDown();
                try {
                    answer.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return new OpenAiServer.Text(ANSWER.split("(?<= )"));
        });
    }

    private static String lastEvent(String events) {
        return events.lines().filter(line -> line.startsWith("event:")).map(line -> line.substring(6).strip())
                .reduce((first, second) -> second).orElse(null);
    }

    /** A stream whose status line has arrived: the turn holds its slot from then on. */
    private HttpResponse<InputStream> openStream() throws Exception {
        HttpResponse<InputStream> response = http.send(request(stream, QUESTION),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        return response;
    }

    private HttpResponse<String> post(URI uri, String question) throws Exception {
        return http.send(request(uri, question), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(URI uri, String question) throws Exception {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(90)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(ChatStreamShieldIT.request(question))))
                .build();
    }
}
