package dev.ragfn.embedding;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.ragfn.core.config.RagfnConfig;

import java.util.Optional;

/** Any OpenAI-compatible /v1/embeddings endpoint (vLLM, Ollama, OpenShift AI): plain HTTP, so every package has it. */
public final class OpenAiEmbeddingBackend implements EmbeddingBackend {

    private static final String DEFAULT_MODEL = "text-embedding-3-small";

    @Override
    public RagfnConfig.EmbeddingProvider provider() {
        return RagfnConfig.EmbeddingProvider.OPENAI;
    }

    @Override
    public EmbeddingModel create(RagfnConfig ragfn) {
        RagfnConfig.Embedding config = ragfn.embedding();
        var model = new OpenAiCompatibleEmbeddingModel(config.baseUrl(), config.model().orElse(DEFAULT_MODEL),
                config.apiKey(), config.sendDimension() ? Optional.of(config.dimension()) : Optional.empty(),
                config.batchSize(), config.timeout());
        return new RemoteEmbeddingModel(model, model.toString(), config.dimension());
    }
}
