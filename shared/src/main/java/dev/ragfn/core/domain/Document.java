package dev.ragfn.core.domain;

import java.time.Instant;
import java.util.Map;

/**
 * A source document as the platform knows it: where it came from, a hash of its content (so
 * re-submitting the same content is a no-op), how far ingestion got, and why it failed if it did.
 */
public record Document(DocumentRef ref, String title, String source, String contentType, String contentHash,
                       DocumentStatus status, String statusReason, int chunkCount,
                       Map<String, String> metadata, Instant updatedAt) {

    public Document {
        Ids.required("ref", ref);
        title = title == null ? "" : title;
        source = source == null ? "" : source;
        contentType = contentType == null ? "" : contentType;
        contentHash = contentHash == null ? "" : contentHash;
        Ids.required("status", status);
        statusReason = statusReason == null ? "" : statusReason;
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        Ids.required("updatedAt", updatedAt);
    }

    public Document withStatus(DocumentStatus newStatus, String reason, Instant at) {
        return new Document(ref, title, source, contentType, contentHash, newStatus, reason, chunkCount, metadata, at);
    }

    /** The document's own date (metadata {@code date}, which ingestion sets), or null for documents stored without one. */
    public Instant date() {
        String value = metadata.get(Dates.METADATA_KEY);
        return value == null ? null : Dates.parse("document metadata " + Dates.METADATA_KEY, value);
    }

    /** Rough stored size, so stores can refuse what would exceed their item limit before writing. */
    public long approximateBytes() {
        return Sizes.utf8(title) + Sizes.utf8(source) + Sizes.utf8(contentType) + Sizes.utf8(contentHash)
                + Sizes.utf8(statusReason) + Sizes.utf8(ref.toString()) + Sizes.utf8(metadata);
    }
}
