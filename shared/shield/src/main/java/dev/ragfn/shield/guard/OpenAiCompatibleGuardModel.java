package dev.ragfn.shield.guard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ragfn.shield.Direction;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A Llama Guard style model behind an OpenAI-compatible {@code /chat/completions} endpoint. The
 * text goes in as the user turn (INPUT) or as the assistant turn (OUTPUT); the model's chat
 * template turns that into its classification prompt and it answers {@code safe}, or
 * {@code unsafe} followed by a line of category codes.
 */
public final class OpenAiCompatibleGuardModel implements GuardModel {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER_NOT_AVAILABLE = "(the user's message is not part of this check)";

    private final URI chatCompletions;
    private final String model;
    private final Optional<String> apiKey;
    private final Duration timeout;
    private final HttpClient http;

    /** @param baseUrl the API base, such as {@code http://vllm:8000/v1} */
    public OpenAiCompatibleGuardModel(URI baseUrl, String model, Optional<String> apiKey, Duration timeout) {
        String base = baseUrl.toString();
        this.chatCompletions = URI.create((base.endsWith("/") ? base : base + "/") + "chat/completions");
        this.model = model;
        this.apiKey = apiKey;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public GuardAssessment assess(String text, Direction direction) {
        HttpRequest.Builder request = HttpRequest.newBuilder(chatCompletions)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(requestBody(text, direction)));
        apiKey.ifPresent(key -> request.header("Authorization", "Bearer " + key));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new GuardModelUnavailableException("Guard model at " + chatCompletions + " answered HTTP "
                        + response.statusCode() + ": " + abbreviate(response.body()), null);
            }
            return parse(JSON.readTree(response.body()).path("choices").path(0).path("message").path("content").asText(""));
        } catch (IOException e) {
            throw new GuardModelUnavailableException("Failed to call guard model at " + chatCompletions + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GuardModelUnavailableException("Interrupted while calling guard model at " + chatCompletions, e);
        }
    }

    private String requestBody(String text, Direction direction) {
        ObjectNode body = JSON.createObjectNode().put("model", model).put("temperature", 0).put("max_tokens", 20);
        ArrayNode messages = body.putArray("messages");
        if (direction == Direction.INPUT) {
            messages.addObject().put("role", "user").put("content", text);
        } else {
            messages.addObject().put("role", "user").put("content", USER_NOT_AVAILABLE);
            messages.addObject().put("role", "assistant").put("content", text);
        }
        return body.toString();
    }

    private GuardAssessment parse(String content) {
        String[] lines = content.strip().split("\\R");
        String verdict = lines[0].strip().toLowerCase(Locale.ROOT);
        if (verdict.equals("safe")) {
            return new GuardAssessment(true, List.of());
        }
        if (verdict.equals("unsafe")) {
            List<String> categories = lines.length < 2 ? List.of()
                    : Arrays.stream(lines[1].split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            return new GuardAssessment(false, categories);
        }
        throw new GuardModelUnavailableException("Guard model at " + chatCompletions
                + " answered neither 'safe' nor 'unsafe': " + abbreviate(content), null);
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }

    @Override
    public String toString() {
        return "OpenAiCompatibleGuardModel[" + chatCompletions + ", model=" + model + "]";
    }
}
