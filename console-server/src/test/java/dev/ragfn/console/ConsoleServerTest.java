package dev.ragfn.console;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The console as a Service of its own: its page, and its calls passed on to api and chat-turn. */
@QuarkusTest
@QuarkusTestResource(Upstreams.class)
class ConsoleServerTest {

    @TestHTTPResource("/")
    URI base;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void should_serve_the_console_page_when_the_root_is_opened() throws Exception {
        HttpResponse<String> root = http.send(HttpRequest.newBuilder(base).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(base.resolve("/console/")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/console/"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<div id=\"root\">", "/console/assets/");
    }

    @Test
    void should_pass_an_api_call_with_its_token_to_the_api_service_under_its_own_host_when_the_console_calls_api()
            throws Exception {
        // when
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(base.resolve("/api/identity?tenant=acme"))
                .header("Authorization", "Bearer token-1").build(), HttpResponse.BodyHandlers.ofString());

        // then
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"mode\":\"none\"}");
        assertThat(Upstreams.API_CALLS).contains(new Upstreams.Received("GET", "/api/identity?tenant=acme",
                "127.0.0.1:" + Upstreams.apiPort, "Bearer token-1"));
    }

    @Test
    void should_pass_a_cited_passages_read_to_the_api_service_when_a_citation_is_opened() throws Exception {
        // when: the chat page opens a source's passage (ids with / keep them)
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(base.resolve(
                        "/api/knowledge-bases/handbook/documents/guides/leave.md/chunks/c1?tenant=acme"))
                .header("Authorization", "Bearer token-2").build(), HttpResponse.BodyHandlers.ofString());

        // then
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(Upstreams.API_CALLS).contains(new Upstreams.Received("GET",
                "/api/knowledge-bases/handbook/documents/guides/leave.md/chunks/c1?tenant=acme",
                "127.0.0.1:" + Upstreams.apiPort, "Bearer token-2"));
    }

    @Test
    void should_hand_on_each_streamed_event_as_it_comes_when_the_chat_streams() throws Exception {
        // when: the first event is read while chat-turn still holds the rest back (the request offers HTTP/2,
        // whose body comes without a length)
        HttpResponse<java.io.InputStream> answer = http.send(HttpRequest.newBuilder(base.resolve("/chat/stream"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"hello\"}")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(answer.body(), StandardCharsets.UTF_8))) {
            lines.add(reader.readLine());
            Upstreams.READ_FIRST_TOKEN.countDown();
            reader.lines().forEach(lines::add);
        }

        // then
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("text/event-stream");
        assertThat(lines).startsWith("event: token", "data: Hello").contains("event: done");
        assertThat(Upstreams.chatRequest).isEqualTo("{\"message\":\"hello\"}");
        assertThat(Upstreams.streamedBeforeTheEnd).as("the first token reached the browser before the answer ended").isTrue();
    }
}
