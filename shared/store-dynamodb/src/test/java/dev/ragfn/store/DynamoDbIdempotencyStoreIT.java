package dev.ragfn.store;

import dev.ragfn.core.port.IdempotencyStore;
import dev.ragfn.store.dynamodb.DynamoDbIdempotencyStore;
import dev.ragfn.testing.InfraServer;
import dev.ragfn.testing.TestConfig;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** The contract against a real DynamoDB-protocol server, with a fresh table per test. */
class DynamoDbIdempotencyStoreIT extends IdempotencyStoreContract {

    private static final AtomicInteger TABLES = new AtomicInteger();

    @Override
    protected IdempotencyStore newStore(Clock clock) {
        return DynamoDbIdempotencyStore.create(TestConfig.of(Map.of(
                "ragfn.dynamodb.endpoint", InfraServer.dynamoDb(),
                "ragfn.dynamodb.table-prefix", "it" + ProcessHandle.current().pid() + "-" + TABLES.incrementAndGet() + "-",
                "ragfn.dynamodb.create-tables", "true")).dynamodb(), clock);
    }
}
