package dev.ragfn.store;

import dev.ragfn.core.port.IdempotencyStore;
import dev.ragfn.localstack.LocalStack;
import dev.ragfn.store.dynamodb.DynamoDbIdempotencyStore;
import org.testcontainers.junit.jupiter.Testcontainers;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

/** The IdempotencyStore contract against LocalStack's DynamoDB, as the AWS path runs it; a fresh table per test. */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackIdempotencyStoreIT extends IdempotencyStoreContract {

    private static final AtomicInteger TABLES = new AtomicInteger();

    @Override
    protected IdempotencyStore newStore(Clock clock) {
        return DynamoDbIdempotencyStore.create(LocalStack.dynamoDbConfig("idempotency" + TABLES.incrementAndGet() + "-").dynamodb(),
                clock);
    }
}
