package dev.ragfn.retrieve;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.ragfn.core.domain.ChunkRef;
import dev.ragfn.core.domain.Ids;
import dev.ragfn.core.port.IndexHit;
import dev.ragfn.core.port.SearchFilter;
import dev.ragfn.core.port.SearchScope;
import dev.ragfn.core.port.VectorIndex;
import dev.ragfn.embedding.QueryEmbeddingModel;
import dev.ragfn.retrieve.rerank.Reranker;
import dev.ragfn.runtime.observe.RagfnMeters;
import dev.ragfn.runtime.observe.RagfnTracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

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
    private final HybridFusion fusion;
    private final Optional<Reranker> reranker;

    public RetrieveService(VectorIndex index, EmbeddingModel model, RetrieveConfig config, Optional<Reranker> reranker) {
        this.index = index;
        this.model = model;
        this.config = config;
        this.fusion = switch (config.fusion()) {
            case RRF -> new ReciprocalRankFusion(config.rrfK(),
                    Map.of(RetrieveMode.BM25, config.bm25Weight(), RetrieveMode.VECTOR, config.vectorWeight()));
            case CONVEX -> new ConvexCombination(config.convexVectorWeight());
        };
        this.reranker = reranker;
    }

    public RetrieveResponse retrieve(RetrieveRequest request) {
        Ids.required("request", request);
        return retrieve(request, () -> QueryEmbeddingModel.embedQuery(model, request.query()));
    }

    /**
     * Retrieves with the query's vector from {@code queryVector}, asked for at most once and only by a
     * mode that searches vectors: a caller that needs the vector too (chat-turn) embeds the query once.
     */
    public RetrieveResponse retrieve(RetrieveRequest request, Supplier<float[]> queryVector) {
        long start = System.nanoTime();
        Span span = RagfnTracing.start("retrieve", SpanKind.INTERNAL);
        try (Scope ignored = span.makeCurrent()) {
            RetrieveResponse response = search(request, queryVector);
            span.setAttribute("ragfn.retrieve.mode", response.mode().name());
            span.setAttribute("ragfn.retrieve.passages", response.passages().size());
            RagfnMeters.retrieved(response.mode().name(), System.nanoTime() - start);
            return response;
        } finally {
            span.end();
        }
    }

    private RetrieveResponse search(RetrieveRequest request, Supplier<float[]> queryVector) {
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
        float[] vector = mode == RetrieveMode.BM25 ? null : queryVector.get();
        List<Passage> passages = switch (mode) {
            case BM25 -> ReciprocalRankFusion.ranked(mode, index.textSearch(scope, query, depth, filter));
            case VECTOR -> ReciprocalRankFusion.ranked(mode, index.vectorSearch(scope, vector, depth, filter));
            case HYBRID -> {
                Map<RetrieveMode, List<IndexHit>> rankings = new EnumMap<>(RetrieveMode.class);
                rankings.put(RetrieveMode.BM25, index.textSearch(scope, query, depth, filter));
                rankings.put(RetrieveMode.VECTOR, index.vectorSearch(scope, vector, depth, filter));
                yield fusion.fuse(rankings);
            }
        };
        if (reranker.isPresent()) {
            int candidates = Math.min(passages.size(), Math.max(k, config.rerankCandidates()));
            passages = reranker.get().rerank(query, passages.subList(0, candidates));
        }
        List<Passage> best = passages.subList(0, Math.min(k, passages.size()));
        if (vector != null) {
            best = withSimilarities(scope, vector, best);
        }
        return new RetrieveResponse(mode, reranker.isPresent(), List.copyOf(best));
    }

    /**
     * Hybrid results the vector search did not reach (found by BM25 alone) get their similarity
     * from the index's stored vectors of those chunks: callers judge relevance by similarity, and
     * the stored vectors are cheaper than embedding passages again.
     */
    private List<Passage> withSimilarities(SearchScope scope, float[] vector, List<Passage> passages) {
        List<ChunkRef> missing = passages.stream().filter(p -> p.similarity() == null)
                .map(p -> p.ref(scope.tenant())).toList();
        if (missing.isEmpty()) {
            return passages;
        }
        Map<ChunkRef, Double> scores = index.similarities(scope, vector, missing);
        return passages.stream().map(p -> {
            Double score = p.similarity() == null ? scores.get(p.ref(scope.tenant())) : null;
            return score == null ? p : p.withSimilarity(FusedRanking.cosine(score));
        }).toList();
    }
}
