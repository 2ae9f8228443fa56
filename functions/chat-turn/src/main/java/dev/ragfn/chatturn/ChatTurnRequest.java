package dev.ragfn.chatturn;

import dev.ragfn.core.domain.Ids;
import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.core.error.TooLargeException;
import dev.ragfn.retrieve.RetrieveRequest;

import java.util.List;

/**
 * One user message. A null {@code sessionId} starts a new session; an id the tenant has not used
 * yet starts a session under that id. Checked whole when built.
 */
public record ChatTurnRequest(String tenant, String sessionId, String message, List<String> knowledgeBases,
                          ChatOptions options) {

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
        if (knowledgeBases == null || knowledgeBases.isEmpty()) {
            throw new InvalidInputException("knowledgeBases must name at least one knowledge base");
        }
        knowledgeBases.forEach(kb -> Ids.name("knowledgeBases entry", kb));
        knowledgeBases = List.copyOf(knowledgeBases);
        options = options == null ? ChatOptions.DEFAULTS : options;
    }
}
