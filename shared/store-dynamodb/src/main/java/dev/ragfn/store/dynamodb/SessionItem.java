package dev.ragfn.store.dynamodb;

import dev.ragfn.core.domain.ChatSession;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

import java.time.Instant;

/** Table {prefix}sessions: partition tenant, sort key session id, so a tenant's sessions are one query. */
@DynamoDbBean
public class SessionItem {

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

    @DynamoDbPartitionKey
    public String getTenant() {
        return tenant;
    }

    public void setTenant(String tenant) {
        this.tenant = tenant;
    }

    @DynamoDbSortKey
    public String getSessionId() {
        return sessionId;
    }

    public void setSessionId(String sessionId) {
        this.sessionId = sessionId;
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }
}
