package dev.ragfn.retrieve;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.ragfn.core.domain.Ids;
import dev.ragfn.core.port.IndexHit;
import dev.ragfn.core.port.SearchFilter;
import dev.ragfn.core.port.SearchScope;
import dev.ragfn.core.port.VectorIndex;
import dev.ragfn.retrieve.rerank.Reranker;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds a tenant's best passages for a query by BM25, by vector similarity, or by both fused with
 * reciprocal rank fusion, then optionally re-ranks them. Tenant, knowledge bases and filters go
 * into the index query itself; nothing is filtered out of the results afterwards.
 */
public final class RetrieveService {

    /** The most a search may ask the index for (see {@link VectorIndex#validateK}). */
    private static final int MAX_DEPTH = 10_000;

    private final VectorIndex index;
    private final EmbeddingModel model;
    private final RetrieveConfig config;
    private final ReciprocalRankFusion fusion;
    private final Optional<Reranker> reranker;

    public RetrieveService(VectorIndex index, EmbeddingModel model, RetrieveConfig config, Optional<Reranker> reranker) {
        this.index = index;
        this.model = model;
        this.config = config;
        this.fusion = new ReciprocalRankFusion(config.rrfK(),
                Map.of(RetrieveMode.BM25, config.bm25Weight(), RetrieveMode.VECTOR, config.vectorWeight()));
        this.reranker = reranker;
    }

    public RetrieveResponse retrieve(RetrieveRequest request) {
        Ids.required("request", request);
        String query = request.query();
        SearchScope scope = new SearchScope(request.tenant(), Set.copyOf(request.knowledgeBases()));
        SearchFilter filter = request.filter();
        int k = request.topK() == null ? config.defaultTopK() : request.topK();
        VectorIndex.validateK(k);
        RetrieveMode mode = request.mode() == null ? config.defaultMode() : request.mode();

        int depth = mode == RetrieveMode.HYBRID || reranker.isPresent()
                ? Math.min(MAX_DEPTH, Math.max(k * config.candidateFactor(), config.minCandidates()))
                : k;
        List<Passage> passages = switch (mode) {
            case BM25 -> ReciprocalRankFusion.ranked(mode, index.textSearch(scope, query, depth, filter));
            case VECTOR -> ReciprocalRankFusion.ranked(mode, vectorSearch(scope, query, depth, filter));
            case HYBRID -> {
                Map<RetrieveMode, List<IndexHit>> rankings = new EnumMap<>(RetrieveMode.class);
                rankings.put(RetrieveMode.BM25, index.textSearch(scope, query, depth, filter));
                rankings.put(RetrieveMode.VECTOR, vectorSearch(scope, query, depth, filter));
                yield fusion.fuse(rankings);
            }
        };
        if (reranker.isPresent()) {
            int candidates = Math.min(passages.size(), Math.max(k, config.rerankCandidates()));
            passages = reranker.get().rerank(query, passages.subList(0, candidates));
        }
        List<Passage> best = List.copyOf(passages.subList(0, Math.min(k, passages.size())));
        return new RetrieveResponse(mode, reranker.isPresent(), best);
    }

    private List<IndexHit> vectorSearch(SearchScope scope, String query, int depth, SearchFilter filter) {
        return index.vectorSearch(scope, model.embed(query).content().vector(), depth, filter);
    }
}
