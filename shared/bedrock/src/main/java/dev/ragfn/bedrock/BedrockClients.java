package dev.ragfn.bedrock;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Points a Bedrock Runtime client builder, synchronous or asynchronous, at a region or an endpoint
 * override, with its credentials and a timeout that covers the whole call.
 */
public final class BedrockClients {

    private BedrockClients() {
    }

    /**
     * @param retry whether the SDK retries throttling and server errors (within the timeout); off
     *              where the platform retries the whole request instead
     */
    public static <B extends AwsClientBuilder<B, C>, C> C build(B builder, String region, Optional<URI> endpoint,
                                                                AwsCredentialsProvider credentials, Duration timeout,
                                                                boolean retry) {
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder().apiCallTimeout(timeout);
        if (!retry) {
            override.retryStrategy(AwsRetryStrategy.doNotRetry());
        }
        builder.region(Region.of(region)).credentialsProvider(credentials).overrideConfiguration(override.build());
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** How error messages name the service: the endpoint override, or the region. */
    public static String describe(String region, Optional<URI> endpoint) {
        return endpoint.map(uri -> "Bedrock at " + uri).orElse("Bedrock in " + region);
    }
}
