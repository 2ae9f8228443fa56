package dev.ragfn.store;

import dev.ragfn.core.port.SummaryStore;
import dev.ragfn.localstack.LocalStack;
import dev.ragfn.store.dynamodb.DynamoDbSummaryStore;
import org.testcontainers.junit.jupiter.Testcontainers;

import java.util.concurrent.atomic.AtomicInteger;

/** The SummaryStore contract against LocalStack's DynamoDB, as the AWS path runs it; fresh tables per test. */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackSummaryStoreIT extends SummaryStoreContract {

    private static final AtomicInteger TABLE_SETS = new AtomicInteger();

    @Override
    protected SummaryStore newStore() {
        return DynamoDbSummaryStore.create(LocalStack.dynamoDbConfig("summary" + TABLE_SETS.incrementAndGet() + "-").dynamodb());
    }
}
