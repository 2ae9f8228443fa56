package dev.ragfn.embedding;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.ragfn.core.config.RagfnConfig;
import dev.ragfn.core.error.InvalidInputException;

import java.util.Arrays;

/** ragfn.embedding.provider=in-process: all-MiniLM-L6-v2 or bge-small-en-v1.5 on ONNX Runtime, offline. */
public final class InProcessEmbeddingBackend implements EmbeddingBackend {

    /** The model when ragfn.embedding.model is unset. */
    static final InProcessModel DEFAULT_MODEL = InProcessModel.ALL_MINILM_L6_V2;

    @Override
    public RagfnConfig.EmbeddingProvider provider() {
        return RagfnConfig.EmbeddingProvider.IN_PROCESS;
    }

    @Override
    public EmbeddingModel create(RagfnConfig ragfn) {
        return new InProcessEmbeddingModel(configured(ragfn));
    }

    /** The model that configuration names, checked against its dimension. */
    static InProcessModel configured(RagfnConfig ragfn) {
        RagfnConfig.Embedding config = ragfn.embedding();
        String name = config.model().orElse(DEFAULT_MODEL.configName());
        InProcessModel model = InProcessModel.named(name).orElseThrow(() -> new InvalidInputException(
                "ragfn.embedding.model is " + name + " but the in-process models are "
                        + Arrays.stream(InProcessModel.values()).map(InProcessModel::configName).toList()));
        if (config.dimension() != model.dimension()) {
            throw new InvalidInputException("the in-process model " + model.configName() + " produces "
                    + model.dimension() + "-dimensional vectors but ragfn.embedding.dimension is "
                    + config.dimension() + "; set it to " + model.dimension() + " or use a remote provider");
        }
        return model;
    }
}
