package dev.ragfn.runtime.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragfn.core.error.ConflictException;
import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.core.error.NotFoundException;
import dev.ragfn.core.error.ErrorBody;
import dev.ragfn.core.error.RagfnException;
import dev.ragfn.core.error.StoreUnavailableException;
import dev.ragfn.core.error.TooLargeException;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The failure handler on a real Vert.x router and HTTP server, as Quarkus installs it in front of
 * Funqy's route: each route fails the way Funqy fails a request.
 */
class HttpErrorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<String, Supplier<RuntimeException>> FAILURES = Map.of(
            "INVALID_INPUT", () -> new InvalidInputException("tenant must match [a-z0-9][a-z0-9_-]{0,62}"),
            "NOT_FOUND", () -> new NotFoundException("knowledge base acme/handbook does not exist"),
            "CONFLICT", () -> new ConflictException("knowledge base acme/handbook has dimension 768"),
            "TOO_LARGE", () -> new TooLargeException("document big is 30000000 bytes"),
            "UNAVAILABLE", () -> new StoreUnavailableException("DynamoDB did not answer"));

    private static Vertx vertx;
    private static HttpServer server;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        new HttpErrors().install(router);
        FAILURES.forEach((kind, failure) ->
                router.post("/" + kind).handler(context -> context.fail(failure.get())));
        // Funqy wraps the function's exception, and Jackson wraps what a constructor or setter throws.
        router.post("/wrapped").handler(context -> context.fail(new RuntimeException(
                new UncheckedIOException(new java.io.IOException(new InvalidInputException("unknown field 'url'"))))));
        router.post("/not-json").handler(context -> {
            try {
                JSON.readTree("{\"documentId\": ");
            } catch (Exception e) {
                context.fail(e);
            }
        });
        router.post("/wrong-shape").handler(context -> {
            try {
                JSON.readValue("{\"tags\": \"security\"}", Tags.class);
            } catch (Exception e) {
                context.fail(new UncheckedIOException((java.io.IOException) e));
            }
        });
        router.post("/unmapped-type").handler(context -> context.fail(404));
        router.post("/bug").handler(context -> context.fail(new IllegalStateException("a bug")));
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    record Tags(java.util.List<String> tags) {
    }

    @ParameterizedTest
    @CsvSource({"INVALID_INPUT, 400", "NOT_FOUND, 404", "CONFLICT, 409", "TOO_LARGE, 413", "UNAVAILABLE, 503"})
    void should_answer_the_status_of_the_kind_with_its_message_when_a_function_throws_a_ragfn_error(String kind, int status)
            throws Exception {
        // when
        HttpResponse<String> response = post("/" + kind, Map.of());

        // then
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("kind").asText()).isEqualTo(kind);
        assertThat(body.path("message").asText()).isEqualTo(FAILURES.get(kind).get().getMessage());
        assertThat(ErrorBody.status(RagfnException.Kind.valueOf(kind))).isEqualTo(status);
    }

    @Test
    void should_find_the_ragfn_error_when_funqy_and_jackson_wrap_it() throws Exception {
        HttpResponse<String> response = post("/wrapped", Map.of());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("message").asText()).isEqualTo("unknown field 'url'");
    }

    @Test
    void should_answer_400_naming_the_problem_when_the_body_is_not_json() throws Exception {
        HttpResponse<String> response = post("/not-json", Map.of());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("message").asText()).startsWith("the body is not valid JSON: ");
    }

    @Test
    void should_answer_400_naming_the_field_when_the_data_has_the_wrong_shape() throws Exception {
        HttpResponse<String> response = post("/wrong-shape", Map.of());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("message").asText())
                .startsWith("the data does not have the shape this function takes (at tags): ");
    }

    @Test
    void should_say_which_type_has_no_function_when_funqy_refuses_a_cloudevent_with_a_bare_404() throws Exception {
        HttpResponse<String> response = post("/unmapped-type", Map.of("ce-id", "1", "ce-type", "dev.ragfn.unknown"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(response.body()).path("message").asText())
                .isEqualTo("no function here is triggered by CloudEvents of type 'dev.ragfn.unknown'");
    }

    @Test
    void should_leave_other_failures_to_the_next_handler_when_they_are_not_ragfn_errors() throws Exception {
        HttpResponse<String> response = post("/bug", Map.of());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).doesNotContain("\"kind\"");
    }

    private static HttpResponse<String> post(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + path))
                .POST(HttpRequest.BodyPublishers.ofString("{}"));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
