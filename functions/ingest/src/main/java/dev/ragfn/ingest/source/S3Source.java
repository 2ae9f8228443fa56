package dev.ragfn.ingest.source;

import dev.ragfn.s3.S3Location;
import dev.ragfn.s3.S3Reader;
import java.net.URI;
import java.util.Set;
import software.amazon.awssdk.services.s3.S3Client;

/** Reads {@code s3://bucket/key} objects with the S3 client it is given, through {@link S3Reader}. */
public final class S3Source implements DocumentSource {

    private final S3Reader reader;

    /**
     * @param s3 the client, configured by the caller (region, credentials, endpoint)
     * @param maxBytes the largest object accepted
     */
    public S3Source(S3Client s3, long maxBytes) {
        this.reader = new S3Reader(s3, maxBytes);
    }

    @Override
    public Set<String> schemes() {
        return Set.of("s3");
    }

    @Override
    public SourceContent fetch(URI location) {
        S3Location object = S3Location.parse(location);
        S3Reader.S3Object read = reader.read(object);
        return new SourceContent(read.bytes(), read.contentType(), fileName(object.key()), object.uri());
    }

    private static String fileName(String key) {
        return key.substring(key.lastIndexOf('/') + 1);
    }
}
