package dev.ragfn.chatturn;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import dev.ragfn.core.domain.Assistant;
import dev.ragfn.core.domain.ToolCall;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The conversation with the model in one turn: while the model answers with tool calls, run them
 * and send their results back, for at most {@code maxRounds} answers; the next request offers no
 * tools, so the model must answer from what it has. Without tools this is one plain call.
 */
final class ToolLoop {

    static final String TOOLS_EXHAUSTED = "I could not finish the answer: the model kept calling tools.";

    /** The final answer, the tools called on the way, and the tokens of every model call added up. */
    record Result(String text, List<ToolCall> toolCalls, int promptTokens, int completionTokens) {
    }

    private ToolLoop() {
    }

    /**
     * @param settings the assistant's model settings; null fields keep the configured ones
     * @param model   one model call, blocking or streamed
     * @param tools   the turn's tools; null offers none
     * @param onCall  told of each tool call once it has run
     */
    static Result run(List<ChatMessage> prompt, Assistant.ModelSettings settings, TurnTools tools, int maxRounds,
                      Function<ChatRequest, ChatResponse> model, Consumer<ToolCall> onCall) {
        List<ChatMessage> messages = new ArrayList<>(prompt);
        List<ToolCall> calls = new ArrayList<>();
        int promptTokens = 0;
        int completionTokens = 0;
        for (int round = 1; ; round++) {
            boolean offerTools = tools != null && round <= maxRounds;
            ChatRequest.Builder request = ChatRequest.builder().messages(messages).modelName(settings.model())
                    .temperature(settings.temperature()).maxOutputTokens(settings.maxTokens());
            if (offerTools) {
                request.toolSpecifications(tools.specifications());
            }
            ChatResponse response = model.apply(request.build());
            TokenUsage usage = response.tokenUsage();
            promptTokens += usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
            completionTokens += usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
            AiMessage answer = response.aiMessage();
            String text = answer.text() == null ? "" : answer.text();
            if (!answer.hasToolExecutionRequests()) {
                return new Result(text, calls, promptTokens, completionTokens);
            }
            if (!offerTools) {
                // A server that ignores the absence of tools: what it wrote is all there is.
                return new Result(text.isBlank() ? TOOLS_EXHAUSTED : text, calls, promptTokens, completionTokens);
            }
            messages.add(answer);
            int position = 0;
            for (ToolExecutionRequest call : answer.toolExecutionRequests()) {
                TurnTools.Executed executed = tools.execute(round, position++, call);
                messages.add(executed.message());
                calls.add(executed.call());
                onCall.accept(executed.call());
            }
        }
    }
}
