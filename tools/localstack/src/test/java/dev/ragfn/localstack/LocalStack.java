package dev.ragfn.localstack;

import dev.ragfn.core.config.RagfnConfig;
import dev.ragfn.testing.TestConfig;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;

import java.util.Map;

/**
 * One LocalStack container for the whole test run, started by the first test that needs it (the test
 * classes are {@code @Testcontainers(disabledWithoutDocker = true)}, so none starts without Docker).
 * Testcontainers' reaper removes it when the JVM exits.
 */
public final class LocalStack {

    /** The pom's {@code ragfn.localstack.image}; this default only serves runs from an IDE. */
    private static final String DEFAULT_IMAGE = "localstack/localstack:4.14.0";

    private static LocalStackContainer container;

    private LocalStack() {
    }

    public static synchronized LocalStackContainer container() {
        if (container == null) {
            LocalStackContainer started = new LocalStackContainer(
                    DockerImageName.parse(System.getProperty("ragfn.localstack.image", DEFAULT_IMAGE)))
                    .withServices("dynamodb", "s3", "events", "sqs");
            String token = System.getenv("LOCALSTACK_AUTH_TOKEN");
            if (token != null && !token.isBlank()) {
                started.withEnv("LOCALSTACK_AUTH_TOKEN", token); // images after 4.14 refuse to start without one
            }
            started.start();
            container = started;
        }
        return container;
    }

    /** ragfn's configuration with its DynamoDB stores on LocalStack, tables under their own prefix. */
    public static RagfnConfig dynamoDbConfig(String tablePrefix) {
        LocalStackContainer localStack = container();
        return TestConfig.of(Map.of(
                "ragfn.dynamodb.endpoint", localStack.getEndpoint().toString(),
                "ragfn.dynamodb.region", localStack.getRegion(),
                "ragfn.dynamodb.table-prefix", tablePrefix,
                "ragfn.dynamodb.create-tables", "true"));
    }

    /** An AWS SDK client builder pointed at LocalStack, with its region and credentials. */
    public static <B extends AwsClientBuilder<B, ?>> B on(B builder) {
        LocalStackContainer localStack = container();
        return builder.endpointOverride(localStack.getEndpoint())
                .region(Region.of(localStack.getRegion()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(localStack.getAccessKey(), localStack.getSecretKey())));
    }
}
