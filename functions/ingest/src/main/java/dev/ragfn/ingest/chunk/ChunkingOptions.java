package dev.ragfn.ingest.chunk;

import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.embedding.EmbeddingModels;

/**
 * Sizes in the embedding model's tokens. all-MiniLM-L6-v2 was trained on 256-token inputs, so the
 * default budget leaves room for the heading prefix and special tokens.
 */
public record ChunkingOptions(int maxTokens, int overlapTokens, boolean includeHeadings) {

    public ChunkingOptions {
        if (maxTokens < 16) {
            throw new InvalidInputException("chunk max tokens must be at least 16 but was " + maxTokens);
        }
        if (overlapTokens < 0 || overlapTokens >= maxTokens / 2) {
            throw new InvalidInputException("chunk overlap must be between 0 and half the max tokens ("
                    + maxTokens / 2 + ") but was " + overlapTokens);
        }
    }

    /** Refuses chunks longer than the in-process model reads, whose ends would never be embedded. */
    public ChunkingOptions requireFitsInProcessModel() {
        if (maxTokens > EmbeddingModels.IN_PROCESS_MAX_TOKENS) {
            throw new InvalidInputException("ragfn.ingest.chunk-max-tokens is " + maxTokens + " but the in-process "
                    + "embedding model reads at most " + EmbeddingModels.IN_PROCESS_MAX_TOKENS + " tokens of a chunk; "
                    + "lower it, or configure a remote embedding provider");
        }
        return this;
    }
}
