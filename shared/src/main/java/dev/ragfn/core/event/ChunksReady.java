package dev.ragfn.core.event;

/**
 * Data of {@code dev.ragfn.chunks.ready}: a document's chunks are stored and wait for embedding.
 * Chunk ids are not listed: a large document's ids would exceed EventBridge's 256 KB event limit,
 * so embed reads them from the document store. The content hash and the document version let embed
 * ignore an event that a newer version of the document has overtaken (version 0: an event from
 * before versions, matched by hash alone).
 */
public record ChunksReady(String tenant, String knowledgeBase, String documentId, String contentHash, int chunkCount,
                          long version) {

    public ChunksReady(String tenant, String knowledgeBase, String documentId, String contentHash, int chunkCount) {
        this(tenant, knowledgeBase, documentId, contentHash, chunkCount, 0);
    }
}
