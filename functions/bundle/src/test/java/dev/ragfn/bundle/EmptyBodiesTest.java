package dev.ragfn.bundle;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

/**
 * Every HTTP entry of the bundle answers a body that is empty, {@code null}, not an object or not
 * JSON at once with 400 and a JSON problem: not a null-pointer 500, not a minute's silence.
 */
@QuarkusTest
class EmptyBodiesTest {

    private static final RestAssuredConfig PROMPT = RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
            .setParam("http.socket.timeout", 20_000).setParam("http.connection.timeout", 20_000));

    private static final List<String> BODIES = List.of("", "null", "[]", "\"text\"", "{\"query\": ");

    static Stream<Arguments> entries() {
        return Stream.of("/chat", "/chat/stream", "/retrieve", "/shield", "/convert")
                .flatMap(path -> BODIES.stream().map(body -> Arguments.of(path, body)));
    }

    /** Summarize takes an empty body as "every field at its default"; what is not an object is still refused. */
    static Stream<Arguments> summarizeRefusals() {
        return Stream.of("[]", "\"text\"", "{\"duration\": ").map(body -> Arguments.of("/summarize", body));
    }

    @ParameterizedTest(name = "{0} with body [{1}]")
    @MethodSource({"entries", "summarizeRefusals"})
    void should_answer_400_with_a_json_problem_when_the_body_is_not_a_request(String path, String body) {
        RestAssured.given().config(PROMPT).contentType("application/json").body(body)
                .post(path)
                .then().statusCode(400)
                .contentType("application/json")
                .body("kind", equalTo("INVALID_INPUT"))
                .body("message", not(emptyOrNullString()));
    }
}
