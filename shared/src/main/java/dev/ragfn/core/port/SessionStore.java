package dev.ragfn.core.port;

import dev.ragfn.core.domain.ChatSession;
import dev.ragfn.core.domain.ChatTurn;

import java.util.List;
import java.util.Optional;

/**
 * Where chat sessions and their turns live, per tenant. Every read takes the tenant, so a session
 * id of another tenant is simply not there. Turn indexes are assigned by the store, atomically:
 * two turns appended at once to one session get two different indexes.
 */
public interface SessionStore extends AutoCloseable {

    /** Stores a new session; a {@link dev.ragfn.core.error.ConflictException} if its id is taken in the tenant. */
    ChatSession create(ChatSession session);

    Optional<ChatSession> get(String tenant, String sessionId);

    /** The tenant's sessions, newest first. */
    List<ChatSession> list(String tenant);

    /** Removes the session and all its turns; false if there was no such session. */
    boolean delete(String tenant, String sessionId);

    /**
     * Appends {@code turn} to its session under the next free index, ignoring the index it carries,
     * and returns it as stored. A {@link dev.ragfn.core.error.NotFoundException} if the session does not exist.
     */
    ChatTurn appendTurn(ChatTurn turn);

    /** The session's last {@code count} turns, oldest first. */
    List<ChatTurn> lastTurns(String tenant, String sessionId, int count);

    @Override
    void close();

    /** {@code turn} under the index the store assigned it. */
    static ChatTurn numbered(ChatTurn turn, int index) {
        return new ChatTurn(turn.tenant(), turn.sessionId(), index, turn.question(), turn.answer(), turn.sources(),
                turn.toolCalls(), turn.verdicts(), turn.timingsMillis(), turn.promptTokens(), turn.completionTokens(),
                turn.createdAt());
    }
}
