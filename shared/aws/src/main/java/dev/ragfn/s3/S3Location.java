package dev.ragfn.s3;

import dev.ragfn.core.error.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;

/** The bucket and key of an {@code s3://bucket/key} URI. */
public record S3Location(String bucket, String key) {

    public static boolean isS3Url(String source) {
        return source.regionMatches(true, 0, "s3://", 0, 5);
    }

    /** Parses a URL as a user writes it: the key is taken as it stands, not percent-decoded. */
    public static S3Location parse(String url) {
        if (!isS3Url(url)) {
            throw new InvalidInputException("'" + url + "' is not an s3://bucket/key URL");
        }
        String rest = url.substring(5);
        int slash = rest.indexOf('/');
        if (slash <= 0 || slash == rest.length() - 1) {
            throw new InvalidInputException("S3 source '" + url + "' must name a bucket and a key: s3://bucket/key");
        }
        return new S3Location(rest.substring(0, slash), rest.substring(slash + 1));
    }

    /** Parses the URI; the key is percent-decoded, as S3 event notifications encode it. */
    public static S3Location parse(URI location) {
        if (!"s3".equalsIgnoreCase(location.getScheme())) {
            throw new InvalidInputException("Location " + location + " is not an s3:// URI");
        }
        String bucket = location.getAuthority();
        String path = location.getPath();
        if (bucket == null || bucket.isEmpty()) {
            throw new InvalidInputException("S3 location " + location + " has no bucket: use s3://bucket/key");
        }
        if (path == null || path.length() <= 1) {
            throw new InvalidInputException("S3 location " + location + " has no object key: use s3://bucket/key");
        }
        return new S3Location(bucket, path.substring(1));
    }

    /** The canonical URI, with the key percent-encoded where it needs to be. */
    public String uri() {
        try {
            return new URI("s3", bucket, "/" + key, null, null).toString();
        } catch (URISyntaxException e) {
            throw new InvalidInputException("S3 bucket name '" + bucket + "' is not valid", e);
        }
    }
}
