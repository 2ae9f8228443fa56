package dev.ragfn.core.event;

import dev.ragfn.core.domain.Ids;
import dev.ragfn.core.error.InvalidInputException;

/**
 * Data of {@code dev.ragfn.chunks.ready}: a document's chunks are stored and wait for embedding.
 * Chunk ids are not listed: a large document's ids would exceed EventBridge's 256 KB event limit,
 * so embed reads them from the document store. The content hash and the document version let embed
 * ignore an event that a newer version of the document has overtaken (version 0: an event from
 * before versions, matched by hash alone).
 */
@EventData
public record ChunksReady(String tenant, String knowledgeBase, String documentId, String contentHash, int chunkCount,
                          long version) {

    /** Checked when read from an event, on every binding, so a bad one is refused before embed looks it up. */
    public ChunksReady {
        Ids.name("tenant", tenant);
        Ids.name("knowledgeBase", knowledgeBase);
        Ids.id("documentId", documentId);
        Ids.id("contentHash", contentHash);
        if (chunkCount < 0) {
            throw new InvalidInputException("chunkCount must not be negative but was " + chunkCount);
        }
        if (version < 0) {
            throw new InvalidInputException("version must not be negative but was " + version);
        }
    }

    public ChunksReady(String tenant, String knowledgeBase, String documentId, String contentHash, int chunkCount) {
        this(tenant, knowledgeBase, documentId, contentHash, chunkCount, 0);
    }
}
