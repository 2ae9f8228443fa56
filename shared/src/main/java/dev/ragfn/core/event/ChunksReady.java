package dev.ragfn.core.event;

/**
 * Data of {@code dev.ragfn.chunks.ready}: a document's chunks are stored and wait for embedding.
 * Chunk ids are not listed: a large document's ids would exceed EventBridge's 256 KB event limit,
 * so embed reads them from the document store. The content hash lets embed ignore an event that a
 * newer version of the document has overtaken.
 */
public record ChunksReady(String tenant, String knowledgeBase, String documentId, String contentHash, int chunkCount) {
}
