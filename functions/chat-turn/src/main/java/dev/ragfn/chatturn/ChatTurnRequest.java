package dev.ragfn.chatturn;

import dev.ragfn.core.domain.Ids;
import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.core.error.TooLargeException;
import dev.ragfn.retrieve.RetrieveRequest;

import java.util.List;

/**
 * One user message. A null {@code sessionId} starts a new session; an id the tenant has not used
 * yet starts a session under that id. {@code assistantId} names an assistant of the tenant whose
 * settings the turn runs with ({@link TurnPlan} says how the inline ones combine with them); without
 * one, {@code knowledgeBases} must name at least one. Checked whole when built.
 */
public record ChatTurnRequest(String tenant, String sessionId, String message, List<String> knowledgeBases,
                          ChatOptions options, String assistantId) {

    /** A turn with inline options only. */
    public ChatTurnRequest(String tenant, String sessionId, String message, List<String> knowledgeBases,
                           ChatOptions options) {
        this(tenant, sessionId, message, knowledgeBases, options, null);
    }

    public ChatTurnRequest {
        Ids.name("tenant", tenant);
        if (sessionId != null) {
            Ids.id("sessionId", sessionId);
        }
        if (message == null || message.isBlank()) {
            throw new InvalidInputException("message must not be blank");
        }
        if (message.length() > RetrieveRequest.MAX_QUERY_CHARS) {
            throw new TooLargeException("message has " + message.length() + " characters, over the limit of "
                    + RetrieveRequest.MAX_QUERY_CHARS + "; shorten it to the question itself");
        }
        message = message.strip();
        if (assistantId != null) {
            Ids.name("assistantId", assistantId);
        } else if (knowledgeBases == null || knowledgeBases.isEmpty()) {
            throw new InvalidInputException("knowledgeBases must name at least one knowledge base");
        }
        knowledgeBases = knowledgeBases == null ? List.of() : List.copyOf(knowledgeBases);
        knowledgeBases.forEach(kb -> Ids.name("knowledgeBases entry", kb));
        options = options == null ? ChatOptions.DEFAULTS : options;
    }
}
