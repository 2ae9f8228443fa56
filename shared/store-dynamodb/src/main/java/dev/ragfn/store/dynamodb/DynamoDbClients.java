package dev.ragfn.store.dynamodb;

import dev.ragfn.core.config.RagfnConfig;
import dev.ragfn.aws.LocalCredentials;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

import java.time.Duration;

/** Builds the DynamoDB client from {@code ragfn.dynamodb.*}: AWS by default, a local server by endpoint. */
public final class DynamoDbClients {

    private DynamoDbClients() {
    }

    public static DynamoDbClient create(RagfnConfig.DynamoDb config) {
        var builder = DynamoDbClient.builder()
                .region(Region.of(config.region()))
                .httpClientBuilder(Apache5HttpClient.builder());
        config.endpoint().ifPresent(endpoint -> builder.endpointOverride(endpoint)
                .credentialsProvider(LocalCredentials.unlessInEnvironment()));
        return builder.build();
    }

    /**
     * Waits until a table just created is active, asking every 200 ms for up to two minutes. The
     * SDK's own waiter asks every 20 s: a table that a local server creates at once would still
     * cost 20 s whenever the first answer says CREATING.
     */
    static void awaitTable(DynamoDbClient client, String table) {
        try (DynamoDbWaiter waiter = DynamoDbWaiter.builder().client(client)
                .overrideConfiguration(c -> c.backoffStrategyV2(BackoffStrategy.fixedDelay(Duration.ofMillis(200)))
                        .waitTimeout(Duration.ofMinutes(2)))
                .build()) {
            waiter.waitUntilTableExists(r -> r.tableName(table));
        }
    }
}
