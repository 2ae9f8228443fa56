package dev.ragfn.bundle.cli;

import dev.ragfn.chatturn.ChatTurnRequest;
import dev.ragfn.chatturn.ChatTurnResponse;
import dev.ragfn.chatturn.ChatTurnService;
import dev.ragfn.core.domain.SourceCitation;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Answers a question as chat-turn does (shields, hybrid retrieval, an answer with numbered
 * citations, the turn stored) and prints the answer and its sources. Without a chat model the
 * answer is extractive and says so.
 */
@ApplicationScoped
public class Ask {

    private final ChatTurnService chat;

    public Ask(ChatTurnService chat) {
        this.chat = chat;
    }

    public int run(String question, String tenant, String kb) {
        ChatTurnResponse response = chat.chat(new ChatTurnRequest(tenant, null, question, List.of(kb), null));
        response.answer().lines().forEach(line -> System.out.println("   " + line));
        for (SourceCitation source : response.sources()) {
            System.out.printf("   [%d] %s (%s)%n", source.number(), source.title(), source.document().documentId());
        }
        return 0;
    }
}
