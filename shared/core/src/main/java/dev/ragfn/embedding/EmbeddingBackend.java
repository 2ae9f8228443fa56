package dev.ragfn.embedding;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.ragfn.core.config.RagfnConfig;

/**
 * The embedding models of one provider. The core brings openai; the in-process models and Bedrock
 * come with their modules (META-INF/services), and {@code ragfn.embedding.provider} picks one.
 */
public interface EmbeddingBackend {

    /** The value of {@code ragfn.embedding.provider} that selects this backend. */
    RagfnConfig.EmbeddingProvider provider();

    EmbeddingModel create(RagfnConfig config);
}
