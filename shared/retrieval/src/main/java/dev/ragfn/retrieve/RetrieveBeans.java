package dev.ragfn.retrieve;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.scoring.ScoringModel;
import dev.ragfn.core.port.VectorIndex;
import dev.ragfn.retrieve.rerank.Reranker;
import dev.ragfn.retrieve.rerank.ScoringModelReranker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.Optional;

/** Re-ranking happens only when the application provides a LangChain4j ScoringModel bean. */
@ApplicationScoped
public class RetrieveBeans {

    @Produces
    @Singleton
    RetrieveService retrieveService(VectorIndex index, EmbeddingModel model, RetrieveConfig config,
                                    Instance<ScoringModel> scoringModel) {
        Optional<Reranker> reranker = scoringModel.isResolvable()
                ? Optional.of(new ScoringModelReranker(scoringModel.get()))
                : Optional.empty();
        return new RetrieveService(index, model, config, reranker);
    }
}
