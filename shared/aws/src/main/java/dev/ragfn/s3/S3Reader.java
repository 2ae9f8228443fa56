package dev.ragfn.s3;

import dev.ragfn.core.error.StoreUnavailableException;
import dev.ragfn.core.error.TooLargeException;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.CompletionException;

/**
 * Reads S3 objects of at most {@code maxBytes} with the client it is given. One GetObject per read:
 * failures a later delivery may get past (S3's 5xx, throttling, an unreachable endpoint) are retryable;
 * a missing object ({@code NotFoundException}), refused access, missing credentials or an object over
 * the limit ({@code TooLargeException}) are not.
 */
public final class S3Reader {

    private final S3Client s3;
    private final long maxBytes;

    /**
     * @param s3 the client, configured by the caller (region, credentials, endpoint)
     * @param maxBytes the largest object accepted
     */
    public S3Reader(S3Client s3, long maxBytes) {
        this.s3 = s3;
        this.maxBytes = maxBytes;
    }

    /** An object read whole, with the content type S3 stored for it (null when none). */
    public record S3Object(byte[] bytes, String contentType) {
    }

    /** Reads the whole object into memory. */
    public S3Object read(S3Location object) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String contentType = copy(object, out);
        return new S3Object(out.toByteArray(), contentType);
    }

    /**
     * Streams the object into {@code out} and returns its content type. An object that declares more
     * than the limit is refused before any of it is downloaded; one that sends more (no or a false
     * length) is cut off at the limit.
     */
    public String copy(S3Location object, OutputStream out) {
        String what = what(object);
        requireCredentials(what);
        GetObjectRequest request = GetObjectRequest.builder().bucket(object.bucket()).key(object.key()).build();
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(request)) {
            try {
                Long declared = in.response().contentLength();
                if (declared != null) {
                    checkSize(declared, what);
                }
                copyAtMost(in, out, what);
            } catch (TooLargeException e) {
                in.abort(); // a plain close would drain the rest of the object to reuse the connection
                throw e;
            }
            return in.response().contentType();
        } catch (NoSuchKeyException | NoSuchBucketException e) {
            throw S3Failures.notFound(what, e);
        } catch (S3Exception e) {
            throw S3Failures.of(what, e);
        } catch (SdkException | IOException e) {
            throw new StoreUnavailableException("Could not read " + what + ": " + e.getMessage(), e);
        }
    }

    /** Refuses an object whose declared size is over the limit. */
    public void checkSize(long contentLength, String what) {
        if (contentLength > maxBytes) {
            throw new TooLargeException(what + " has " + contentLength + " bytes, over the limit of " + maxBytes + " bytes");
        }
    }

    /** How errors name the object: {@code S3 object s3://bucket/key}. */
    public static String what(S3Location object) {
        return "S3 object " + object.uri();
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

    /** Counts the bytes as they arrive: a missing or false length header does not lift the limit. */
    private void copyAtMost(ResponseInputStream<GetObjectResponse> in, OutputStream out, String what) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = in.read(buffer)) != -1) {
            total += read;
            if (total > maxBytes) {
                throw new TooLargeException(what + " has more than " + maxBytes + " bytes, over the limit "
                        + "(stopped while downloading)");
            }
            out.write(buffer, 0, read);
        }
    }
}
