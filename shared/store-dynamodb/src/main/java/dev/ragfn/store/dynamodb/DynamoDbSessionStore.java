package dev.ragfn.store.dynamodb;

import dev.ragfn.core.config.RagfnConfig;
import dev.ragfn.core.domain.ChatSession;
import dev.ragfn.core.domain.ChatTurn;
import dev.ragfn.core.domain.Ids;
import dev.ragfn.core.error.ConflictException;
import dev.ragfn.core.error.NotFoundException;
import dev.ragfn.core.port.SessionStore;
import org.jboss.logging.Logger;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static dev.ragfn.store.dynamodb.DynamoDbTables.call;
import static dev.ragfn.store.dynamodb.DynamoDbTables.createIfMissing;

/**
 * The session store on DynamoDB. A turn's index comes from a conditional put on the index after
 * the session's last one: when two appends race, the loser reads the new last index and tries the
 * next, so indexes are never shared and never skipped by a write.
 */
public final class DynamoDbSessionStore implements SessionStore {

    private static final Logger LOG = Logger.getLogger(DynamoDbSessionStore.class);
    private static final int MAX_APPEND_ATTEMPTS = 50;

    private final DynamoDbClient client;
    private final DynamoDbClients.Lease lease;
    private final DynamoDbTable<SessionItem> sessions;
    private final DynamoDbTable<ChatTurnItem> turns;

    public DynamoDbSessionStore(DynamoDbClient client, String tablePrefix) {
        this(DynamoDbClients.Lease.borrowed(client), tablePrefix);
    }

    private DynamoDbSessionStore(DynamoDbClients.Lease lease, String tablePrefix) {
        this.lease = lease;
        this.client = lease.client();
        DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
        this.sessions = enhanced.table(tablePrefix + "sessions", SessionItem.SCHEMA);
        this.turns = enhanced.table(tablePrefix + "chat-turns", ChatTurnItem.SCHEMA);
    }

    /** A store on the process's shared client for {@code ragfn.dynamodb.*}, given back when the store closes. */
    public static DynamoDbSessionStore create(RagfnConfig.DynamoDb config) {
        DynamoDbSessionStore store = new DynamoDbSessionStore(DynamoDbClients.lease(config), config.tablePrefix());
        if (config.createTables()) {
            store.createTablesIfMissing();
        }
        return store;
    }

    /** Creates the tables where missing and waits until they are active. */
    public void createTablesIfMissing() {
        createIfMissing(client, sessions.tableName(), sessions::createTable);
        createIfMissing(client, turns.tableName(), turns::createTable);
    }

    @Override
    public ChatSession create(ChatSession session) {
        Ids.required("session", session);
        return call("create session " + session.id() + " of tenant " + session.tenant(), () -> {
            try {
                sessions.putItem(PutItemEnhancedRequest.builder(SessionItem.class)
                        .item(SessionItem.from(session))
                        .conditionExpression(Expression.builder().expression("attribute_not_exists(sessionId)").build())
                        .build());
                return session;
            } catch (ConditionalCheckFailedException exists) {
                throw new ConflictException("session " + session.id() + " of tenant " + session.tenant()
                        + " exists; continue it or choose another id", exists);
            }
        });
    }

    @Override
    public Optional<ChatSession> get(String tenant, String owner, String sessionId) {
        Key key = Key.builder().partitionValue(tenant).sortValue(sessionId).build();
        return call("read session " + sessionId + " of tenant " + tenant, () -> Optional.ofNullable(
                sessions.getItem(r -> r.key(key).consistentRead(true))).map(SessionItem::toDomain))
                .map(session -> SessionStore.ownedBy(session, owner));
    }

    @Override
    public List<ChatSession> list(String tenant, String owner) {
        QueryConditional all = QueryConditional.keyEqualTo(k -> k.partitionValue(Ids.name("tenant", tenant)));
        return call("list the sessions of tenant " + tenant, () -> sessions
                .query(r -> r.queryConditional(all).consistentRead(true))
                .items().stream().map(SessionItem::toDomain)
                .filter(session -> session.owner().equals(owner))
                .sorted(Comparator.comparing(ChatSession::createdAt).thenComparing(ChatSession::id).reversed())
                .toList());
    }

    @Override
    public boolean delete(String tenant, String owner, String sessionId) {
        get(tenant, owner, sessionId);
        return call("delete session " + sessionId + " of tenant " + tenant, () -> {
            // The session goes first, so a turn appended meanwhile finds no session instead of outliving it.
            boolean existed = sessions.deleteItem(Key.builder().partitionValue(tenant).sortValue(sessionId).build()) != null;
            String sessionKey = ChatTurnItem.sessionKey(tenant, sessionId);
            turns.query(r -> r.queryConditional(QueryConditional.keyEqualTo(k -> k.partitionValue(sessionKey)))
                            .consistentRead(true).attributesToProject("sessionKey", "turnIndex"))
                    .items().forEach(item -> turns.deleteItem(Key.builder()
                            .partitionValue(sessionKey).sortValue(item.turnIndex).build()));
            return existed;
        });
    }

    @Override
    public ChatTurn appendTurn(String owner, ChatTurn turn) {
        Ids.required("turn", turn);
        String what = "append a turn to session " + turn.sessionId() + " of tenant " + turn.tenant();
        if (get(turn.tenant(), owner, turn.sessionId()).isEmpty()) {
            throw new NotFoundException("session " + turn.sessionId() + " of tenant " + turn.tenant()
                    + " does not exist; create it first");
        }
        String sessionKey = ChatTurnItem.sessionKey(turn.tenant(), turn.sessionId());
        return call(what, () -> {
            for (int attempt = 0; attempt < MAX_APPEND_ATTEMPTS; attempt++) {
                ChatTurn numbered = SessionStore.numbered(turn, lastIndex(sessionKey) + 1);
                ChatTurnItem item = ChatTurnItem.from(sessionKey, numbered);
                try {
                    turns.putItem(PutItemEnhancedRequest.builder(ChatTurnItem.class).item(item)
                            .conditionExpression(Expression.builder().expression("attribute_not_exists(turnIndex)").build())
                            .build());
                    return numbered;
                } catch (ConditionalCheckFailedException taken) {
                    LOG.debugf("Turn %d of %s was taken by a concurrent append; trying the next", numbered.index(), sessionKey);
                }
            }
            throw new ConflictException("Failed to " + what + ": " + MAX_APPEND_ATTEMPTS
                    + " concurrent appends won the race; retry");
        });
    }

    @Override
    public List<ChatTurn> lastTurns(String tenant, String sessionId, int count) {
        if (count <= 0) {
            return List.of();
        }
        String sessionKey = ChatTurnItem.sessionKey(tenant, sessionId);
        return call("read the last turns of session " + sessionId + " of tenant " + tenant, () -> {
            List<ChatTurn> result = new ArrayList<>(newestFirst(sessionKey, count).stream()
                    .map(ChatTurnItem::toDomain).toList());
            Collections.reverse(result);
            return result;
        });
    }

    @Override
    public void close() {
        lease.close();
    }

    private int lastIndex(String sessionKey) {
        List<ChatTurnItem> last = newestFirst(sessionKey, 1);
        return last.isEmpty() ? -1 : last.getFirst().turnIndex;
    }

    private List<ChatTurnItem> newestFirst(String sessionKey, int count) {
        return turns.query(r -> r.queryConditional(QueryConditional.keyEqualTo(k -> k.partitionValue(sessionKey)))
                        .scanIndexForward(false).limit(count).consistentRead(true))
                .items().stream().limit(count).toList();
    }
}
