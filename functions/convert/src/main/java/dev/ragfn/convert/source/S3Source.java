package dev.ragfn.convert.source;

import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.core.error.NotFoundException;
import dev.ragfn.core.error.StoreUnavailableException;
import dev.ragfn.core.error.TooLargeException;
import dev.ragfn.s3.S3Location;
import dev.ragfn.s3.S3Reader;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
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

    private final S3Reader reader;

    /** @param s3 the client, configured by the caller (region, credentials, endpoint) */
    public S3Source(S3Client s3, SourceLimits limits) {
        this.reader = new S3Reader(s3, limits.maxTotalBytes());
    }

    public static boolean isS3Url(String source) {
        return S3Location.isS3Url(source);
    }

    /** The archive suffix of the key: .zip, .tar.gz or .tgz. */
    static String archiveSuffix(S3Location object) {
        String k = object.key().toLowerCase(Locale.ROOT);
        for (String suffix : new String[] {".zip", ".tar.gz", ".tgz"}) {
            if (k.endsWith(suffix)) {
                return suffix;
            }
        }
        throw new InvalidInputException(S3Reader.what(object) + " is not an archive: expected .zip, .tar.gz or .tgz");
    }

    /**
     * Downloads the object into the folder {@code dir} and returns the file, named {@code object<suffix>}
     * whatever the key is, so nothing in the key reaches the file system.
     *
     * @throws NotFoundException         the bucket or the key does not exist
     * @throws TooLargeException         the object declares, or turns out to have, more bytes than the cap
     * @throws StoreUnavailableException S3 failed the request or could not be reached
     */
    public Path download(String uri, Path dir) {
        S3Location object = S3Location.parse(uri);
        Path target = dir.resolve("object" + archiveSuffix(object));
        try (OutputStream out = Files.newOutputStream(target)) {
            reader.copy(object, out);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to write " + S3Reader.what(object) + " to " + target, e);
        }
    }
}
