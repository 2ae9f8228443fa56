package dev.ragfn.ingest.source;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 client that s3:// sources read with. It never retries: a fetch runs on the thread of an
 * event delivery, and the broker redelivers a retryable failure with its own backoff, so SDK retries
 * would only hold that thread asleep (the SDK's default made four attempts with backoff in between).
 */
public final class S3Clients {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private S3Clients() {
    }

    /**
     * @param endpoint an S3-compatible store, addressed path-style; empty means AWS S3 in {@code region}
     * @param credentials resolved on the first request, so a deployment that never reads S3 needs none
     * @param timeout the longest one GetObject call may wait for its answer, and for each read of the body
     */
    public static S3Client create(Region region, Optional<URI> endpoint, AwsCredentialsProvider credentials,
                                  Duration timeout) {
        var builder = S3Client.builder()
                .region(region)
                .credentialsProvider(credentials)
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()).apiCallTimeout(timeout))
                .httpClientBuilder(Apache5HttpClient.builder().connectionTimeout(CONNECT_TIMEOUT).socketTimeout(timeout));
        endpoint.ifPresent(uri -> builder.endpointOverride(uri).forcePathStyle(true));
        return builder.build();
    }
}
