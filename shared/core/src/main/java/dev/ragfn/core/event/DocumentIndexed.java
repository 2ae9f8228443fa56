package dev.ragfn.core.event;

/** Data of {@code dev.ragfn.document.indexed}: the document's current version is searchable. */
public record DocumentIndexed(String tenant, String knowledgeBase, String documentId, String contentHash,
                              int chunkCount, long embedMillis) {
}
