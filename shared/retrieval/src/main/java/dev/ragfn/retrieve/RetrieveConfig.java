package dev.ragfn.retrieve;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the retrieve function. */
@ConfigMapping(prefix = "ragfn.retrieve")
public interface RetrieveConfig {

    /** Mode used when a request names none: bm25, vector or hybrid. */
    @WithDefault("hybrid")
    RetrieveMode defaultMode();

    /** Passages returned when a request gives no top-k. */
    @WithDefault("10")
    int defaultTopK();

    /** Candidates each search contributes to fusion or re-ranking, as a multiple of top-k. */
    @WithDefault("4")
    int candidateFactor();

    /** Least candidates each search contributes to fusion or re-ranking, whatever the top-k. */
    @WithDefault("50")
    int minCandidates();

    /** How hybrid mode merges the BM25 and vector rankings: convex (normalised scores) or rrf (reciprocal rank fusion). */
    @WithDefault("convex")
    HybridFusion.Kind fusion();

    /** Weight of the vector scores in convex fusion, between 0 and 1; BM25 gets the rest (0.5 was best on SciFact's train queries). */
    @WithDefault("0.5")
    double convexVectorWeight();

    /** Reciprocal rank fusion constant, for fusion rrf: larger values flatten the gap between top and lower ranks. */
    @WithDefault("60")
    int rrfK();

    /** Weight of the BM25 ranking in reciprocal rank fusion. */
    @WithDefault("1.0")
    double bm25Weight();

    /** Weight of the vector ranking in reciprocal rank fusion. */
    @WithDefault("1.0")
    double vectorWeight();

    /** Best retrieved passages re-scored by the reranker, when a LangChain4j ScoringModel bean exists. */
    @WithDefault("50")
    int rerankCandidates();
}
