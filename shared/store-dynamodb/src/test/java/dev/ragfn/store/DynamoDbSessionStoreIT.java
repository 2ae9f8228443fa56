package dev.ragfn.store;

import dev.ragfn.core.port.SessionStore;
import dev.ragfn.store.dynamodb.DynamoDbSessionStore;
import dev.ragfn.testing.InfraServer;
import dev.ragfn.testing.TestConfig;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** The contract against a real DynamoDB-protocol server, with fresh tables per test. */
class DynamoDbSessionStoreIT extends SessionStoreContract {

    private static final AtomicInteger TABLE_SETS = new AtomicInteger();

    @Override
    protected SessionStore newStore() {
        return DynamoDbSessionStore.create(TestConfig.of(Map.of(
                "ragfn.dynamodb.endpoint", InfraServer.dynamoDb(),
                "ragfn.dynamodb.table-prefix", "it" + ProcessHandle.current().pid() + "-c" + TABLE_SETS.incrementAndGet() + "-",
                "ragfn.dynamodb.create-tables", "true")).dynamodb());
    }
}
