package dev.ragfn.store;

import dev.ragfn.core.port.AssistantStore;
import dev.ragfn.store.dynamodb.DynamoDbAssistantStore;
import dev.ragfn.testing.InfraServer;
import dev.ragfn.testing.TestConfig;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** The contract against a real DynamoDB-protocol server (dynalite), with a fresh table per test. */
class DynamoDbAssistantStoreIT extends AssistantStoreContract {

    private static final AtomicInteger TABLES = new AtomicInteger();

    @Override
    protected AssistantStore newStore() {
        return DynamoDbAssistantStore.create(TestConfig.of(Map.of(
                "ragfn.dynamodb.endpoint", InfraServer.dynamoDb(),
                "ragfn.dynamodb.table-prefix", "it" + ProcessHandle.current().pid() + "-a" + TABLES.incrementAndGet() + "-",
                "ragfn.dynamodb.create-tables", "true")).dynamodb());
    }
}
