package dev.ragfn.store;

import dev.ragfn.core.port.SummaryStore;
import dev.ragfn.store.dynamodb.DynamoDbSummaryStore;
import dev.ragfn.testing.InfraServer;
import dev.ragfn.testing.TestConfig;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** The contract against a real DynamoDB-protocol server, with a fresh table per test. */
class DynamoDbSummaryStoreIT extends SummaryStoreContract {

    private static final AtomicInteger TABLES = new AtomicInteger();

    @Override
    protected SummaryStore newStore() {
        return DynamoDbSummaryStore.create(TestConfig.of(Map.of(
                "ragfn.dynamodb.endpoint", InfraServer.dynamoDb(),
                "ragfn.dynamodb.table-prefix", "it" + ProcessHandle.current().pid() + "-s" + TABLES.incrementAndGet() + "-",
                "ragfn.dynamodb.create-tables", "true")).dynamodb());
    }
}
