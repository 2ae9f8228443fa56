package dev.ragfn.ingest.source;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** The S3 client that s3:// sources read with. */
public final class S3Clients {

    private S3Clients() {
    }

    /**
     * @param endpoint an S3-compatible store, addressed path-style; empty means AWS S3 in {@code region}
     * @param credentials resolved on the first request, so a deployment that never reads S3 needs none
     */
    public static S3Client create(Region region, Optional<URI> endpoint, AwsCredentialsProvider credentials) {
        var builder = S3Client.builder()
                .region(region)
                .credentialsProvider(credentials)
                .httpClientBuilder(Apache5HttpClient.builder());
        endpoint.ifPresent(uri -> builder.endpointOverride(uri).forcePathStyle(true));
        return builder.build();
    }
}
