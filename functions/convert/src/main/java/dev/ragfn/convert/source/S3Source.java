package dev.ragfn.convert.source;

import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.core.error.NotFoundException;
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

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Downloads an archive ({@code .zip}, {@code .tar.gz}, {@code .tgz}) named {@code s3://bucket/key} with
 * the S3 client it is given, streamed to a file within the same cap as an uploaded archive
 * ({@link SourceLimits#maxTotalBytes()}); the file is then extracted by {@link ArchiveExtractor} like any
 * other archive.
 */
public final class S3Source {

    private final S3Client s3;
    private final long maxBytes;

    /** @param s3 the client, configured by the caller (region, credentials, endpoint) */
    public S3Source(S3Client s3, SourceLimits limits) {
        this.s3 = s3;
        this.maxBytes = limits.maxTotalBytes();
    }

    public static boolean isS3Url(String source) {
        return source.regionMatches(true, 0, "s3://", 0, 5);
    }

    /** A parsed {@code s3://bucket/key}. */
    public record Location(String bucket, String key) {

        public static Location parse(String uri) {
            if (!isS3Url(uri)) {
                throw new InvalidInputException("'" + uri + "' is not an s3://bucket/key URL");
            }
            String rest = uri.substring(5);
            int slash = rest.indexOf('/');
            if (slash <= 0 || slash == rest.length() - 1) {
                throw new InvalidInputException("S3 source '" + uri + "' must name a bucket and a key: s3://bucket/key");
            }
            return new Location(rest.substring(0, slash), rest.substring(slash + 1));
        }

        /** The archive suffix of the key: .zip, .tar.gz or .tgz. */
        String archiveSuffix() {
            String k = key.toLowerCase(Locale.ROOT);
            for (String suffix : new String[] {".zip", ".tar.gz", ".tgz"}) {
                if (k.endsWith(suffix)) {
                    return suffix;
                }
            }
            throw new InvalidInputException("S3 object s3://" + bucket + "/" + key + " is not an archive: expected .zip, .tar.gz or .tgz");
        }
    }

    /**
     * Downloads the object into the folder {@code dir} and returns the file, named {@code object<suffix>}
     * whatever the key is, so nothing in the key reaches the file system.
     *
     * @throws NotFoundException         the bucket or the key does not exist
     * @throws TooLargeException         the object declares, or turns out to have, more bytes than the cap
     * @throws StoreUnavailableException S3 refused or failed the request
     */
    public Path download(String uri, Path dir) {
        Location object = Location.parse(uri);
        Path target = dir.resolve("object" + object.archiveSuffix());
        String what = "S3 object s3://" + object.bucket() + "/" + object.key();
        GetObjectRequest request = GetObjectRequest.builder().bucket(object.bucket()).key(object.key()).build();
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(request)) {
            Long declared = in.response().contentLength();
            if (declared != null && declared > maxBytes) {
                in.abort(); // a plain close would drain the rest of the object to reuse the connection
                throw new TooLargeException(what + " has " + declared + " bytes, more than " + maxBytes);
            }
            copyAtMost(in, target, what);
            return target;
        } catch (NoSuchKeyException | NoSuchBucketException e) {
            throw new NotFoundException(what + " does not exist: check the bucket and the key", e);
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw new NotFoundException(what + " does not exist: check the bucket and the key", e);
            }
            throw new StoreUnavailableException("Could not read " + what + ": " + e.getMessage(), e);
        } catch (SdkException | IOException e) {
            throw new StoreUnavailableException("Could not read " + what + ": " + e.getMessage(), e);
        }
    }

    /** Counts the bytes as they arrive: a missing or false length header does not lift the cap. */
    private void copyAtMost(ResponseInputStream<GetObjectResponse> in, Path target, String what) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(target)) {
            int read;
            while ((read = in.read(buffer)) != -1) {
                total += read;
                if (total > maxBytes) {
                    in.abort();
                    throw new TooLargeException(what + " has more than " + maxBytes + " bytes (stopped while downloading)");
                }
                out.write(buffer, 0, read);
            }
        }
    }
}
