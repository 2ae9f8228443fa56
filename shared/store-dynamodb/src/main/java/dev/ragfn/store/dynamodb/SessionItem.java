package dev.ragfn.store.dynamodb;

import dev.ragfn.core.domain.ChatSession;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

import java.time.Instant;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

/** Table {prefix}sessions: partition tenant, sort key session id, so a tenant's sessions are one query. */
public final class SessionItem {

    public static final TableSchema<SessionItem> SCHEMA = StaticTableSchema.builder(SessionItem.class)
            .newItemSupplier(SessionItem::new)
            .addAttribute(String.class, a -> a.name("tenant").getter(i -> i.tenant).setter((i, v) -> i.tenant = v)
                    .tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("sessionId").getter(i -> i.sessionId).setter((i, v) -> i.sessionId = v)
                    .tags(primarySortKey()))
            .addAttribute(String.class, a -> a.name("owner").getter(i -> i.owner).setter((i, v) -> i.owner = v))
            .addAttribute(String.class, a -> a.name("title").getter(i -> i.title).setter((i, v) -> i.title = v))
            .addAttribute(Instant.class, a -> a.name("createdAt").getter(i -> i.createdAt).setter((i, v) -> i.createdAt = v))
            .addAttribute(Instant.class, a -> a.name("updatedAt").getter(i -> i.updatedAt).setter((i, v) -> i.updatedAt = v))
            .build();

    private String tenant;
    private String sessionId;
    /** Absent on sessions stored before owners: those belong to the anonymous user. */
    private String owner;
    private String title;
    private Instant createdAt;
    private Instant updatedAt;

    static SessionItem from(ChatSession session) {
        SessionItem item = new SessionItem();
        item.tenant = session.tenant();
        item.sessionId = session.id();
        item.owner = session.owner();
        item.title = session.title();
        item.createdAt = session.createdAt();
        item.updatedAt = session.updatedAt();
        return item;
    }

    ChatSession toDomain() {
        return new ChatSession(tenant, owner, sessionId, title, createdAt, updatedAt);
    }
}
