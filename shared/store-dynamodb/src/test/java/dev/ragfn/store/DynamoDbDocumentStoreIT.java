package dev.ragfn.store;

import dev.ragfn.core.port.DocumentStore;
import dev.ragfn.store.dynamodb.DynamoDbDocumentStore;
import dev.ragfn.testing.InfraServer;
import dev.ragfn.testing.TestConfig;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** The contract against a real DynamoDB-protocol server, with a fresh set of tables per test. */
class DynamoDbDocumentStoreIT extends DocumentStoreContract {

    private static final AtomicInteger TABLE_SETS = new AtomicInteger();

    @Override
    protected DocumentStore newStore() {
        return DynamoDbDocumentStore.create(TestConfig.of(Map.of(
                "ragfn.dynamodb.endpoint", InfraServer.dynamoDb(),
                "ragfn.dynamodb.table-prefix", "it" + ProcessHandle.current().pid() + "-" + TABLE_SETS.incrementAndGet() + "-",
                "ragfn.dynamodb.create-tables", "true")).dynamodb());
    }
}
