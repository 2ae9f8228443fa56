package dev.ragfn.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Invokes a function through Funqy's Lambda binding inside a @QuarkusTest: the event goes to Quarkus's
 * mock Lambda event server, which hands it to the binding's poll loop as the Lambda runtime API would,
 * and answers with the function's output. Needs quarkus-funqy-amazon-lambda on the test class path and
 * {@code quarkus.lambda.mock-event-server.test-port} (0 picks a free port).
 */
public final class MockLambda {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The answer of one invocation: 2xx and the output (empty for none), or 500 and Lambda's error document. */
    public record Invocation(int status, String body) {

        public boolean failed() {
            return status >= 400;
        }

        /** The output as JSON; null when the function answered nothing. */
        public JsonNode json() {
            try {
                return body.isEmpty() ? null : JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("The answer is not JSON: " + body, e);
            }
        }
    }

    private MockLambda() {
    }

    public static Invocation invoke(JsonNode event) {
        int port = ConfigProvider.getConfig().getValue("quarkus.lambda.mock-event-server.test-port", Integer.class);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/_lambda_"))
                .timeout(Duration.ofMinutes(2))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(event.toString()))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Invocation(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
