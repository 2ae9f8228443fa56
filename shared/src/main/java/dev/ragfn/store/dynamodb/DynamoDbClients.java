package dev.ragfn.store.dynamodb;

import dev.ragfn.core.config.RagfnConfig;
import dev.ragfn.store.LocalCredentials;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

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
}
