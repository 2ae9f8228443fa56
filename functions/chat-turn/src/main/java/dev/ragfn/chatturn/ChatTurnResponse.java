package dev.ragfn.chatturn;

import dev.ragfn.core.domain.Assistant;
import dev.ragfn.core.domain.SourceCitation;
import dev.ragfn.core.domain.ToolCall;

import java.util.List;
import java.util.Map;

/**
 * The final object of a turn, the same whether streamed (the SSE {@code done} event) or not.
 * {@code extractive} says the answer was assembled from source sentences, not written by a model;
 * {@code toolCalls} lists the tools the model called, in order; {@code verdicts} gives the shield
 * decision per direction ("input", "output"); {@code assistant} the assistant and version the turn ran
 * with, null when the request gave its options inline.
 */
public record ChatTurnResponse(String sessionId, int turnIndex, String answer, boolean extractive,
                           List<SourceCitation> sources, List<ToolCall> toolCalls, Map<String, String> verdicts,
                           Map<String, Long> timings, int promptTokens, int completionTokens,
                           Assistant.Ref assistant) {
}
