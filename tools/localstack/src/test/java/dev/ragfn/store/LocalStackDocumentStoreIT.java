package dev.ragfn.store;

import dev.ragfn.core.port.DocumentStore;
import dev.ragfn.localstack.LocalStack;
import dev.ragfn.store.dynamodb.DynamoDbDocumentStore;
import org.testcontainers.junit.jupiter.Testcontainers;

import java.util.concurrent.atomic.AtomicInteger;

/** The DocumentStore contract against LocalStack's DynamoDB, as the AWS path runs it; fresh tables per test. */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackDocumentStoreIT extends DocumentStoreContract {

    private static final AtomicInteger TABLE_SETS = new AtomicInteger();

    @Override
    protected DocumentStore newStore() {
        return DynamoDbDocumentStore.create(LocalStack.dynamoDbConfig("document" + TABLE_SETS.incrementAndGet() + "-").dynamodb());
    }
}
