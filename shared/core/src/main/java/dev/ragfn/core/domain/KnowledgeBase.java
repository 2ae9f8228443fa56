package dev.ragfn.core.domain;

import dev.ragfn.core.error.InvalidInputException;

import java.time.Instant;

/**
 * A named collection of documents that one tenant searches as a unit. The embedding dimension is
 * fixed when the knowledge base is created, because every vector in it must be comparable.
 */
public record KnowledgeBase(KnowledgeBaseRef ref, String displayName, String description,
                            int embeddingDimension, Instant createdAt) {

    public KnowledgeBase {
        Ids.required("ref", ref);
        displayName = displayName == null || displayName.isBlank() ? ref.knowledgeBase() : displayName;
        description = description == null ? "" : description;
        if (embeddingDimension < 1 || embeddingDimension > 16_000) {
            throw new InvalidInputException("embeddingDimension must be between 1 and 16000 but was " + embeddingDimension);
        }
        Ids.required("createdAt", createdAt);
    }
}
