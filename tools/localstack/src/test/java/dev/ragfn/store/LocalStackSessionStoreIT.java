package dev.ragfn.store;

import dev.ragfn.core.port.SessionStore;
import dev.ragfn.localstack.LocalStack;
import dev.ragfn.store.dynamodb.DynamoDbSessionStore;
import org.testcontainers.junit.jupiter.Testcontainers;

import java.util.concurrent.atomic.AtomicInteger;

/** The SessionStore contract against LocalStack's DynamoDB, as the AWS path runs it; fresh tables per test. */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackSessionStoreIT extends SessionStoreContract {

    private static final AtomicInteger TABLE_SETS = new AtomicInteger();

    @Override
    protected SessionStore newStore() {
        return DynamoDbSessionStore.create(LocalStack.dynamoDbConfig("session" + TABLE_SETS.incrementAndGet() + "-").dynamodb());
    }
}
