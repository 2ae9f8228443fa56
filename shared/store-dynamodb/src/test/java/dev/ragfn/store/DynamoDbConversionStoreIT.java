package dev.ragfn.store;

import dev.ragfn.core.port.ConversionStore;
import dev.ragfn.store.dynamodb.DynamoDbConversionStore;
import dev.ragfn.testing.InfraServer;
import dev.ragfn.testing.TestConfig;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** The contract against a real DynamoDB-protocol server (dynalite), with fresh tables per test. */
class DynamoDbConversionStoreIT extends ConversionStoreContract {

    private static final AtomicInteger TABLES = new AtomicInteger();

    @Override
    protected ConversionStore newStore() {
        return DynamoDbConversionStore.create(TestConfig.of(Map.of(
                "ragfn.dynamodb.endpoint", InfraServer.dynamoDb(),
                "ragfn.dynamodb.table-prefix", "it" + ProcessHandle.current().pid() + "-cv" + TABLES.incrementAndGet() + "-",
                "ragfn.dynamodb.create-tables", "true")).dynamodb());
    }
}
