package dev.ragfn.store.mvstore;

import dev.ragfn.core.domain.ChatSession;
import dev.ragfn.core.domain.ChatTurn;
import dev.ragfn.core.domain.Ids;
import dev.ragfn.core.error.ConflictException;
import dev.ragfn.core.error.NotFoundException;
import dev.ragfn.core.port.SessionStore;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The embedded session store: H2's MVStore in the function's own process. Session keys are
 * tenant and id joined by NUL; turn keys add the zero-padded index, so a session's turns form one
 * range in order and its last key gives the next index.
 */
public final class MvStoreSessionStore implements SessionStore {

    private static final char SEP = '\u0000';
    /** One past the separator: a session key followed by it sorts after all the session's turns. */
    private static final char END = '\u0001';

    private final MVStore store;
    private final MVMap<String, String> sessions;
    private final MVMap<String, String> turns;

    private MvStoreSessionStore(MVStore store) {
        this.store = store;
        this.sessions = store.openMap("sessions");
        this.turns = store.openMap("turns");
    }

    /** A store persisted in {@code directory}, created if missing. */
    public static MvStoreSessionStore open(Path directory) {
        return new MvStoreSessionStore(MvStoreFiles.open(directory, "sessions.mv.db", "session store"));
    }

    /** A store that lives only as long as this object: for tests and throwaway runs. */
    public static MvStoreSessionStore inMemory() {
        return new MvStoreSessionStore(MvStoreFiles.inMemory());
    }

    @Override
    public ChatSession create(ChatSession session) {
        Ids.required("session", session);
        if (sessions.putIfAbsent(sessionKey(session.tenant(), session.id()), MvStoreFiles.write(session)) != null) {
            throw new ConflictException("session " + session.id() + " of tenant " + session.tenant()
                    + " exists; continue it or choose another id");
        }
        store.commit();
        return session;
    }

    @Override
    public Optional<ChatSession> get(String tenant, String owner, String sessionId) {
        return Optional.ofNullable(sessions.get(sessionKey(tenant, sessionId))).map(v -> MvStoreFiles.read(v, ChatSession.class))
                .map(session -> SessionStore.ownedBy(session, owner));
    }

    @Override
    public List<ChatSession> list(String tenant, String owner) {
        List<ChatSession> result = new ArrayList<>();
        keysWithPrefix(sessions, Ids.name("tenant", tenant) + SEP).stream()
                .map(key -> MvStoreFiles.read(sessions.get(key), ChatSession.class))
                .filter(session -> session.owner().equals(owner))
                .forEach(result::add);
        result.sort(Comparator.comparing(ChatSession::createdAt).thenComparing(ChatSession::id).reversed());
        return result;
    }

    @Override
    public boolean delete(String tenant, String owner, String sessionId) {
        get(tenant, owner, sessionId);
        // The session goes first, so a turn appended meanwhile finds no session instead of outliving it.
        boolean existed = sessions.remove(sessionKey(tenant, sessionId)) != null;
        keysWithPrefix(turns, sessionKey(tenant, sessionId) + SEP).forEach(turns::remove);
        store.commit();
        return existed;
    }

    @Override
    public ChatTurn appendTurn(String owner, ChatTurn turn) {
        Ids.required("turn", turn);
        if (get(turn.tenant(), owner, turn.sessionId()).isEmpty()) {
            throw unknownSession(turn.tenant(), turn.sessionId());
        }
        String sessionKey = sessionKey(turn.tenant(), turn.sessionId());
        String prefix = sessionKey + SEP;
        while (true) {
            String last = turns.lowerKey(sessionKey + END);
            int next = last != null && last.startsWith(prefix) ? Integer.parseInt(last.substring(prefix.length())) + 1 : 0;
            ChatTurn numbered = SessionStore.numbered(turn, next);
            if (turns.putIfAbsent(turnKey(prefix, next), MvStoreFiles.write(numbered)) == null) {
                store.commit();
                return numbered;
            }
        }
    }

    @Override
    public List<ChatTurn> lastTurns(String tenant, String sessionId, int count) {
        String sessionKey = sessionKey(tenant, sessionId);
        String prefix = sessionKey + SEP;
        List<ChatTurn> result = new ArrayList<>();
        for (String key = turns.lowerKey(sessionKey + END); key != null && key.startsWith(prefix) && result.size() < count;
             key = turns.lowerKey(key)) {
            result.add(MvStoreFiles.read(turns.get(key), ChatTurn.class));
        }
        Collections.reverse(result);
        return result;
    }

    @Override
    public void close() {
        if (!store.isClosed()) {
            store.close();
        }
    }

    private static NotFoundException unknownSession(String tenant, String sessionId) {
        return new NotFoundException("session " + sessionId + " of tenant " + tenant + " does not exist; create it first");
    }

    private static String sessionKey(String tenant, String sessionId) {
        return tenant + SEP + sessionId;
    }

    private static String turnKey(String prefix, int index) {
        return prefix + String.format("%010d", index);
    }

    private static List<String> keysWithPrefix(MVMap<String, String> map, String prefix) {
        List<String> keys = new ArrayList<>();
        for (Cursor<String, String> cursor = map.cursor(prefix); cursor.hasNext(); ) {
            String key = cursor.next();
            if (!key.startsWith(prefix)) {
                break;
            }
            keys.add(key);
        }
        return keys;
    }
}
