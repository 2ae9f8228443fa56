package dev.ragfn.core.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A source document as the platform knows it: where it came from, a hash of its content (so
 * re-submitting the same content is a no-op), how far ingestion got, and why it failed if it did.
 * {@code tags} and {@code date} (the document's own date, which ingestion always sets; null only
 * on documents that never got that far) are what searches filter on; {@code metadata} holds the
 * rest of what the submitter and the parser said about it.
 * {@code version} orders the document's replacements: the store gives each accepted submission a
 * higher one (see {@code DocumentStore#putNewVersion}), and chunks and status writes carry it, so
 * a slower, older version can never overwrite a newer one. 0 means not yet stored as a version.
 */
public record Document(DocumentRef ref, String title, String source, String contentType, String contentHash,
                       DocumentStatus status, String statusReason, int chunkCount, List<String> tags, Instant date,
                       Map<String, String> metadata, Instant updatedAt, long version) {

    public Document {
        Ids.required("ref", ref);
        title = title == null ? "" : title;
        source = source == null ? "" : source;
        contentType = contentType == null ? "" : contentType;
        contentHash = contentHash == null ? "" : contentHash;
        Ids.required("status", status);
        statusReason = statusReason == null ? "" : statusReason;
        tags = tags == null ? List.of() : List.copyOf(tags);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        Ids.required("updatedAt", updatedAt);
        if (version < 0) {
            throw new IllegalArgumentException("document version must be >= 0 but was " + version);
        }
    }

    /** A document without tags or date, not yet stored as a version. */
    public Document(DocumentRef ref, String title, String source, String contentType, String contentHash,
                    DocumentStatus status, String statusReason, int chunkCount, Map<String, String> metadata,
                    Instant updatedAt) {
        this(ref, title, source, contentType, contentHash, status, statusReason, chunkCount, List.of(), null, metadata,
                updatedAt, 0);
    }

    public Document withStatus(DocumentStatus newStatus, String reason, Instant at) {
        return new Document(ref, title, source, contentType, contentHash, newStatus, reason, chunkCount, tags, date,
                metadata, at, version);
    }

    public Document withVersion(long newVersion) {
        return new Document(ref, title, source, contentType, contentHash, status, statusReason, chunkCount, tags, date,
                metadata, updatedAt, newVersion);
    }

    /** Rough stored size, so stores can refuse what would exceed their item limit before writing. */
    public long approximateBytes() {
        return Sizes.utf8(title) + Sizes.utf8(source) + Sizes.utf8(contentType) + Sizes.utf8(contentHash)
                + Sizes.utf8(statusReason) + Sizes.utf8(ref.toString()) + Sizes.utf8(tags) + Sizes.utf8(metadata)
                + (date == null ? 0 : 24);
    }
}
