package dev.ragfn.core.port;

import dev.ragfn.core.domain.ChatSession;
import dev.ragfn.core.domain.ChatTurn;
import dev.ragfn.core.error.AccessDeniedException;

import java.util.List;
import java.util.Optional;

/**
 * Where chat sessions and their turns live, per tenant and owner. Every read takes the tenant, so a
 * session id of another tenant is simply not there; a session of another user of the tenant is
 * refused ({@link AccessDeniedException}, 403). Turn indexes are assigned by the store, atomically:
 * two turns appended at once to one session get two different indexes.
 */
public interface SessionStore extends AutoCloseable {

    /** Stores a new session; a {@link dev.ragfn.core.error.ConflictException} if its id is taken in the tenant. */
    ChatSession create(ChatSession session);

    /** The session, if the tenant has it; refused if another user owns it. */
    Optional<ChatSession> get(String tenant, String owner, String sessionId);

    /** The owner's sessions in the tenant, newest first. */
    List<ChatSession> list(String tenant, String owner);

    /** Removes the session and all its turns; false if there was no such session, refused if another user owns it. */
    boolean delete(String tenant, String owner, String sessionId);

    /**
     * Appends {@code turn} to its session under the next free index, ignoring the index it carries,
     * and returns it as stored. A {@link dev.ragfn.core.error.NotFoundException} if the session does
     * not exist, refused if another user owns it.
     */
    ChatTurn appendTurn(String owner, ChatTurn turn);

    /** The session's last {@code count} turns, oldest first; callers have read the session with {@link #get} first. */
    List<ChatTurn> lastTurns(String tenant, String sessionId, int count);

    @Override
    void close();

    /** {@code session} if {@code owner} owns it; otherwise nothing of it may be read or changed. */
    static ChatSession ownedBy(ChatSession session, String owner) {
        if (!session.owner().equals(owner)) {
            throw AccessDeniedException.forbidden("session " + session.id() + " of tenant " + session.tenant()
                    + " belongs to another user; start a session of your own");
        }
        return session;
    }

    /** {@code turn} under the index the store assigned it. */
    static ChatTurn numbered(ChatTurn turn, int index) {
        return new ChatTurn(turn.tenant(), turn.sessionId(), index, turn.question(), turn.answer(), turn.sources(),
                turn.toolCalls(), turn.verdicts(), turn.timingsMillis(), turn.promptTokens(), turn.completionTokens(),
                turn.createdAt(), turn.assistant());
    }
}
