package dev.ragfn.store.dynamodb;

import dev.ragfn.core.config.RagfnConfig;
import dev.ragfn.core.domain.Assistant;
import dev.ragfn.core.error.ConflictException;
import dev.ragfn.core.port.AssistantStore;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.util.List;
import java.util.Optional;

import static dev.ragfn.store.dynamodb.DynamoDbTables.call;
import static dev.ragfn.store.dynamodb.DynamoDbTables.createIfMissing;

/**
 * The assistant store on DynamoDB. Creates and updates are conditional puts (the id is free; the
 * stored version is the one the caller read), so two concurrent edits never both win.
 */
public final class DynamoDbAssistantStore implements AssistantStore {

    private final DynamoDbClient client;
    private final DynamoDbClients.Lease lease;
    private final DynamoDbTable<AssistantItem> assistants;

    public DynamoDbAssistantStore(DynamoDbClient client, String tablePrefix) {
        this(DynamoDbClients.Lease.borrowed(client), tablePrefix);
    }

    private DynamoDbAssistantStore(DynamoDbClients.Lease lease, String tablePrefix) {
        this.lease = lease;
        this.client = lease.client();
        this.assistants = DynamoDbEnhancedClient.builder().dynamoDbClient(client).build()
                .table(tablePrefix + "assistants", AssistantItem.SCHEMA);
    }

    /** A store on the process's shared client for {@code ragfn.dynamodb.*}, given back when the store closes. */
    public static DynamoDbAssistantStore create(RagfnConfig.DynamoDb config) {
        DynamoDbAssistantStore store = new DynamoDbAssistantStore(DynamoDbClients.lease(config), config.tablePrefix());
        if (config.createTables()) {
            store.createTableIfMissing();
        }
        return store;
    }

    /** Creates the table where missing and waits until it is active. */
    public void createTableIfMissing() {
        createIfMissing(client, assistants.tableName(), assistants::createTable);
    }

    @Override
    public Assistant create(Assistant assistant) {
        Assistant first = assistant.withVersion(1, assistant.updatedAt());
        try {
            call("store assistant " + assistant.id() + " of " + assistant.tenant(), () -> assistants.putItem(
                    PutItemEnhancedRequest.builder(AssistantItem.class).item(AssistantItem.from(first))
                            .conditionExpression(Expression.builder().expression("attribute_not_exists(tenant)").build())
                            .build()));
            return first;
        } catch (ConditionalCheckFailedException taken) {
            throw new ConflictException("assistant " + assistant.id() + " of tenant " + assistant.tenant()
                    + " exists; update it, or choose another id");
        }
    }

    @Override
    public Optional<Assistant> find(String tenant, String id) {
        return call("read assistant " + id + " of " + tenant, () -> Optional.ofNullable(
                assistants.getItem(r -> r.key(key(tenant, id)).consistentRead(true))).map(AssistantItem::toDomain));
    }

    @Override
    public List<Assistant> list(String tenant) {
        return call("list the assistants of " + tenant, () -> assistants
                .query(r -> r.queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(tenant).build()))
                        .consistentRead(true))
                .items().stream().map(AssistantItem::toDomain).toList());
    }

    @Override
    public Assistant update(Assistant assistant, long expectedVersion) {
        Assistant stored = find(assistant.tenant(), assistant.id())
                .orElseThrow(() -> AssistantStore.unknown(assistant.tenant(), assistant.id()));
        if (stored.version() != expectedVersion) {
            throw AssistantStore.staleVersion(assistant, expectedVersion, stored.version());
        }
        Assistant next = assistant.createdAt(stored.createdAt()).withVersion(expectedVersion + 1, assistant.updatedAt());
        try {
            call("store assistant " + assistant.id() + " of " + assistant.tenant(), () -> assistants.putItem(
                    PutItemEnhancedRequest.builder(AssistantItem.class).item(AssistantItem.from(next))
                            .conditionExpression(Expression.builder()
                                    .expression("attribute_exists(tenant) AND #v = :v")
                                    .putExpressionName("#v", "version")
                                    .putExpressionValue(":v", AttributeValue.fromN(Long.toString(expectedVersion)))
                                    .build())
                            .build()));
            return next;
        } catch (ConditionalCheckFailedException lost) {
            long now = find(assistant.tenant(), assistant.id()).map(Assistant::version).orElse(0L);
            throw now == 0 ? AssistantStore.unknown(assistant.tenant(), assistant.id())
                    : AssistantStore.staleVersion(assistant, expectedVersion, now);
        }
    }

    @Override
    public boolean delete(String tenant, String id) {
        return call("delete assistant " + id + " of " + tenant, () -> assistants.deleteItem(key(tenant, id)) != null);
    }

    @Override
    public void close() {
        lease.close();
    }

    private static Key key(String tenant, String id) {
        return Key.builder().partitionValue(tenant).sortValue(id).build();
    }
}
