package dev.ragfn.store.dynamodb;

import dev.ragfn.core.config.RagfnConfig;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
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
                .credentialsProvider(localCredentials()));
        return builder.build();
    }

    /** Local servers accept any signature; real AWS uses the default chain (env, profile, role). */
    private static AwsCredentialsProvider localCredentials() {
        if (System.getenv("AWS_ACCESS_KEY_ID") != null) {
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
    }
}
