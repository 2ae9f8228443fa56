package dev.ragfn.runtime;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.ragfn.core.config.RagfnConfig;
import dev.ragfn.embedding.EmbeddingModels;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The configured LangChain4j models, one per process; built only by functions that inject them. */
@ApplicationScoped
public class ModelProducers {

    void checkProvider(@Observes StartupEvent started, RagfnConfig config) {
        EmbeddingModels.checkProvider(config);
    }

    @Produces
    @Singleton
    EmbeddingModel embeddingModel(RagfnConfig config) {
        return EmbeddingModels.create(config);
    }
}
