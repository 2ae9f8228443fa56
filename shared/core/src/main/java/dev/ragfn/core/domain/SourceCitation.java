package dev.ragfn.core.domain;

/** A passage an answer relied on, numbered as the answer cites it ("[1]"). */
public record SourceCitation(int number, DocumentRef document, String chunkId, String title, double score) {
}
