package dev.ragfn.core.domain;

/** Where a document is on its way into the knowledge base; a user can query it at any time. */
public enum DocumentStatus {
    RECEIVED,
    CHUNKED,
    INDEXED,
    FAILED
}
