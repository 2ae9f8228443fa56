package dev.ragfn.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragfn.testing.OpenAiServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * One OpenAI-compatible chat model for all the bundle's tests, and the settings that point chat-turn
 * at it. A global test resource rather than a test profile: another profile would restart Quarkus
 * in a new class loader, and the tokenizer's native library loads only once per JVM.
 */
public final class FakeChatModel implements QuarkusTestResourceLifecycleManager {

    static final String VACATION_ANSWER = "Employees get 25 days of paid vacation per year [1].";
    static final String APPROVAL_ANSWER = "Your manager approves vacation requests in the HR portal [1].";

    static final OpenAiServer SERVER = new OpenAiServer();

    static {
        SERVER.answer(FakeChatModel::answer);
    }

    @Override
    public Map<String, String> start() {
        return Map.of("ragfn.chat.provider", "openai", "ragfn.chat.base-url", SERVER.baseUrl(),
                "ragfn.chat.timeout", "10s");
    }

    @Override
    public void stop() {
        // The server serves every test of the JVM and dies with it.
    }

    /** Answers the latest user message; what the test checks is what the model was sent. */
    private static OpenAiServer.Reply answer(JsonNode request) {
        JsonNode messages = request.path("messages");
        String question = messages.get(messages.size() - 1).path("content").asText();
        String answer = question.contains("approve") ? APPROVAL_ANSWER : VACATION_ANSWER;
        return new OpenAiServer.Text(answer.split("(?<= )"));
    }
}
