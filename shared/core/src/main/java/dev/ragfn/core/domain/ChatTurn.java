package dev.ragfn.core.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One question and answer in a session, with everything needed to explain it later: the sources
 * cited, the tools the model called, the shield verdicts, timings and token counts, and the
 * assistant (id and version) the turn ran with; null when the request gave its options inline.
 */
public record ChatTurn(String tenant, String sessionId, int index, String question, String answer,
                       List<SourceCitation> sources, List<ToolCall> toolCalls, Map<String, String> verdicts,
                       Map<String, Long> timingsMillis, int promptTokens, int completionTokens, Instant createdAt,
                       Assistant.Ref assistant) {

    /** A turn that named no assistant. */
    public ChatTurn(String tenant, String sessionId, int index, String question, String answer,
                    List<SourceCitation> sources, List<ToolCall> toolCalls, Map<String, String> verdicts,
                    Map<String, Long> timingsMillis, int promptTokens, int completionTokens, Instant createdAt) {
        this(tenant, sessionId, index, question, answer, sources, toolCalls, verdicts, timingsMillis, promptTokens,
                completionTokens, createdAt, null);
    }

    /** A turn in which no tool was called. */
    public ChatTurn(String tenant, String sessionId, int index, String question, String answer,
                    List<SourceCitation> sources, Map<String, String> verdicts, Map<String, Long> timingsMillis,
                    int promptTokens, int completionTokens, Instant createdAt) {
        this(tenant, sessionId, index, question, answer, sources, List.of(), verdicts, timingsMillis, promptTokens,
                completionTokens, createdAt);
    }

    public ChatTurn {
        Ids.name("tenant", tenant);
        Ids.id("sessionId", sessionId);
        Ids.required("question", question);
        answer = answer == null ? "" : answer;
        sources = sources == null ? List.of() : List.copyOf(sources);
        // Turns stored before tools existed have none.
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        verdicts = verdicts == null ? Map.of() : Map.copyOf(verdicts);
        timingsMillis = timingsMillis == null ? Map.of() : Map.copyOf(timingsMillis);
        Ids.required("createdAt", createdAt);
    }
}
