package dev.ragfn.store.dynamodb;

import dev.ragfn.core.config.RagfnConfig;
import dev.ragfn.core.port.IdempotencyStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static dev.ragfn.store.dynamodb.DynamoDbTables.call;
import static dev.ragfn.store.dynamodb.DynamoDbTables.createIfMissing;

/**
 * Idempotency records in table {prefix}idempotency, claimed with a conditional put so two
 * concurrent deliveries cannot both win. {@code expiresAt} is the table's TTL attribute (enabled
 * by the SAM template), so records of old events disappear on their own.
 */
public final class DynamoDbIdempotencyStore implements IdempotencyStore {

    private static final String KEY = "eventKey";
    private static final String STATUS = "status";
    private static final String LEASE_UNTIL = "leaseUntil";
    private static final String RESULT = "result";
    private static final String EXPIRES_AT = "expiresAt";
    private static final String LEASED = "LEASED";
    private static final String DONE = "DONE";
    /** Long enough to cover any platform redelivery window. */
    private static final Duration RETENTION = Duration.ofDays(7);

    private final DynamoDbClient client;
    private final DynamoDbClients.Lease lease;
    private final String table;
    private final Clock clock;

    public DynamoDbIdempotencyStore(DynamoDbClient client, String tablePrefix, Clock clock) {
        this(DynamoDbClients.Lease.borrowed(client), tablePrefix, clock);
    }

    private DynamoDbIdempotencyStore(DynamoDbClients.Lease lease, String tablePrefix, Clock clock) {
        this.lease = lease;
        this.client = lease.client();
        this.table = tablePrefix + "idempotency";
        this.clock = clock;
    }

    /** A store on the process's shared client for {@code ragfn.dynamodb.*}, given back when the store closes. */
    public static DynamoDbIdempotencyStore create(RagfnConfig.DynamoDb config, Clock clock) {
        var store = new DynamoDbIdempotencyStore(DynamoDbClients.lease(config), config.tablePrefix(), clock);
        if (config.createTables()) {
            store.createTableIfMissing();
        }
        return store;
    }

    public void createTableIfMissing() {
        createIfMissing(client, table, () -> client.createTable(r -> r.tableName(table)
                .keySchema(KeySchemaElement.builder().attributeName(KEY).keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName(KEY)
                        .attributeType(ScalarAttributeType.S).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)));
    }

    @Override
    public Claim claim(String key, Duration lease) {
        long now = clock.millis();
        try {
            call("claim event " + key, () -> client.putItem(r -> r.tableName(table)
                    .item(Map.of(
                            KEY, s(key),
                            STATUS, s(LEASED),
                            LEASE_UNTIL, n(now + lease.toMillis()),
                            EXPIRES_AT, n((now + RETENTION.toMillis()) / 1000)))
                    .conditionExpression("attribute_not_exists(#k) OR (#s = :leased AND #l < :now)")
                    .expressionAttributeNames(Map.of("#k", KEY, "#s", STATUS, "#l", LEASE_UNTIL))
                    .expressionAttributeValues(Map.of(":leased", s(LEASED), ":now", n(now)))));
            return new Claim.Acquired();
        } catch (ConditionalCheckFailedException taken) {
            Map<String, AttributeValue> item = call("read idempotency record " + key, () -> client.getItem(r -> r
                    .tableName(table).key(Map.of(KEY, s(key))).consistentRead(true)).item());
            if (item != null && DONE.equals(item.get(STATUS).s())) {
                AttributeValue result = item.get(RESULT);
                return new Claim.Completed(result == null ? "" : result.s());
            }
            return new Claim.InProgress();
        }
    }

    @Override
    public void complete(String key, String result) {
        long now = clock.millis();
        call("record event " + key, () -> client.putItem(r -> r.tableName(table).item(Map.of(
                KEY, s(key),
                STATUS, s(DONE),
                RESULT, s(result),
                EXPIRES_AT, n((now + RETENTION.toMillis()) / 1000)))));
    }

    @Override
    public void release(String key) {
        try {
            call("release event " + key, () -> client.deleteItem(r -> r.tableName(table).key(Map.of(KEY, s(key)))
                    .conditionExpression("#s = :leased")
                    .expressionAttributeNames(Map.of("#s", STATUS))
                    .expressionAttributeValues(Map.of(":leased", s(LEASED)))));
        } catch (ConditionalCheckFailedException alreadyDone) {
            // completed by another delivery meanwhile: keep its record
        }
    }

    @Override
    public void close() {
        lease.close();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
