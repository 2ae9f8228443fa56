package dev.ragfn.core.port;

import dev.ragfn.core.domain.DocumentRef;

/** Identifies one chunk in the index: the document, the document version it was written for, and its id. */
public record ChunkKey(DocumentRef document, long version, String chunkId) {
}
