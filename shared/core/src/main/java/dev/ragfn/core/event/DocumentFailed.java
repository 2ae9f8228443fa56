package dev.ragfn.core.event;

/** Data of {@code dev.ragfn.document.failed}: why the document could not be ingested and what to do. */
public record DocumentFailed(String tenant, String knowledgeBase, String documentId, String stage, String reason) {
}
