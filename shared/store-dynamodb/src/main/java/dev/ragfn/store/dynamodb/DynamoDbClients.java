package dev.ragfn.store.dynamodb;

import dev.ragfn.core.config.RagfnConfig;
import dev.ragfn.aws.LocalCredentials;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Builds the DynamoDB client from {@code ragfn.dynamodb.*}: AWS by default, a local server by endpoint. */
public final class DynamoDbClients {

    /** The clients the stores of this process share, by region and endpoint, with how many stores hold each. */
    private static final Map<String, Shared> SHARED = new HashMap<>();

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
     * The client of this region and endpoint that the stores of the process share, built by the first
     * of them: building one (its configuration, HTTP client and TLS context) cost more than any other
     * part of a store's first request, and a function such as the management API opens five stores.
     * Closing the lease closes the client once no store holds it.
     */
    static Lease lease(RagfnConfig.DynamoDb config) {
        String key = config.region() + " " + config.endpoint().map(Object::toString).orElse("");
        synchronized (SHARED) {
            Shared shared = SHARED.computeIfAbsent(key, k -> new Shared(create(config)));
            shared.holders++;
            return new Lease(shared.client, () -> {
                synchronized (SHARED) {
                    if (--shared.holders == 0) {
                        SHARED.remove(key);
                        shared.client.close();
                    }
                }
            });
        }
    }

    /** A shared client for one store; {@link #close()} gives it back. */
    record Lease(DynamoDbClient client, Runnable release) implements AutoCloseable {

        /** A client its caller owns and closes: the store leaves it open. */
        static Lease borrowed(DynamoDbClient client) {
            return new Lease(client, () -> { });
        }

        @Override
        public void close() {
            release.run();
        }
    }

    private static final class Shared {
        private final DynamoDbClient client;
        private int holders;

        private Shared(DynamoDbClient client) {
            this.client = client;
        }
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
