package dev.ragfn.summarize;

import dev.ragfn.core.config.RagfnConfig;
import dev.ragfn.store.dynamodb.DynamoDbClients;
import dev.ragfn.testing.InfraServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a DynamoDB-protocol server (as on Knative) the function opens the store it uses while it starts,
 * so that its first request does not wait for the client and the tables; not the stores it never reads.
 */
@QuarkusTest
@TestProfile(StoresWhileStartingIT.OnDynamoDb.class)
class StoresWhileStartingIT {

    /** The same in the test's class loader and the profile's: tables of this JVM's own. */
    private static final String PREFIX = "starting-" + ProcessHandle.current().pid() + "-";

    public static class OnDynamoDb implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ragfn.store", "dynamodb",
                    "ragfn.dynamodb.endpoint", InfraServer.dynamoDb(),
                    "ragfn.dynamodb.table-prefix", PREFIX,
                    "ragfn.dynamodb.create-tables", "true");
        }
    }

    @Inject
    RagfnConfig config;

    @Test
    void should_create_the_summaries_table_before_any_request_when_the_function_starts() throws InterruptedException {
        // given: the function has started and has been sent nothing
        try (DynamoDbClient client = DynamoDbClients.create(config.dynamodb())) {

            // when
            boolean summaries = appears(client, PREFIX + "summaries", Duration.ofMinutes(2));

            // then
            assertThat(summaries).as("the summaries table, created by the store opened while starting").isTrue();
            assertThat(exists(client, PREFIX + "documents")).as("summarize reads no documents").isFalse();
        }
    }

    private static boolean appears(DynamoDbClient client, String table, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            if (exists(client, table)) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    private static boolean exists(DynamoDbClient client, String table) {
        try {
            client.describeTable(r -> r.tableName(table));
            return true;
        } catch (ResourceNotFoundException missing) {
            return false;
        }
    }
}
