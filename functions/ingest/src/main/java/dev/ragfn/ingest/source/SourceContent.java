package dev.ragfn.ingest.source;

/**
 * The raw bytes of a submitted document, as fetched.
 *
 * @param bytes the whole content, never larger than the source's cap
 * @param contentType the content type the source declared (HTTP header, S3 metadata), or null
 * @param name the file name, or the last segment of the URL path; used for extension sniffing
 * @param location the canonical URI the bytes came from (after redirects, for URLs)
 */
public record SourceContent(byte[] bytes, String contentType, String name, String location) {
}
