package dev.ragfn.ingest.source;

import dev.ragfn.core.error.NotFoundException;
import dev.ragfn.core.error.StoreUnavailableException;
import dev.ragfn.core.error.TooLargeException;
import java.io.IOException;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Reads {@code s3://bucket/key} objects with the S3 client it is given. */
public final class S3Source implements DocumentSource {

    private final S3Client s3;
    private final long maxBytes;

    /**
     * @param s3 the client, configured by the caller (region, credentials, endpoint)
     * @param maxBytes the largest object accepted
     */
    public S3Source(S3Client s3, long maxBytes) {
        this.s3 = s3;
        this.maxBytes = maxBytes;
    }

    @Override
    public Set<String> schemes() {
        return Set.of("s3");
    }

    /**
     * Reads the object in one request. Failures a later delivery may get past (S3's 5xx, throttling, an
     * unreachable endpoint) are retryable; a missing object, refused access or missing credentials are not.
     */
    @Override
    public SourceContent fetch(URI location) {
        S3Location object = S3Location.parse(location);
        String what = "S3 object " + object.uri();
        requireCredentials(what);
        GetObjectRequest request = GetObjectRequest.builder().bucket(object.bucket()).key(object.key()).build();
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(request)) {
            GetObjectResponse response = in.response();
            return new SourceContent(read(in, what), response.contentType(), fileName(object.key()), object.uri());
        } catch (NoSuchKeyException | NoSuchBucketException e) {
            throw new NotFoundException(what + " does not exist: check the bucket and key", e);
        } catch (S3Exception e) {
            throw S3Failures.of(what, e);
        } catch (SdkException | IOException e) {
            throw new StoreUnavailableException("Could not read " + what + ": " + e.getMessage(), e);
        }
    }

    /**
     * Resolves credentials before the request: the SDK reports none found as a generic client error,
     * which would read as an outage and be redelivered for nothing.
     */
    private void requireCredentials(String what) {
        try {
            s3.serviceClientConfiguration().credentialsProvider().resolveIdentity().join();
        } catch (CompletionException | SdkException e) {
            throw S3Failures.noCredentials(what, e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
        }
    }

    private byte[] read(ResponseInputStream<GetObjectResponse> in, String what) throws IOException {
        try {
            if (in.response().contentLength() != null) {
                checkSize(in.response().contentLength(), what);
            }
            return BoundedRead.readAtMost(in, maxBytes, what);
        } catch (TooLargeException e) {
            in.abort(); // a plain close would drain the rest of the object to reuse the connection
            throw e;
        }
    }

    /** Refuses an object whose declared size is over the cap, before any of it is downloaded. */
    void checkSize(long contentLength, String what) {
        BoundedRead.checkDeclaredLength(contentLength, maxBytes, what);
    }

    private static String fileName(String key) {
        return key.substring(key.lastIndexOf('/') + 1);
    }
}
