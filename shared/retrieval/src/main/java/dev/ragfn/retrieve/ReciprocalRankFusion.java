package dev.ragfn.retrieve;

import dev.ragfn.core.port.IndexHit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Merges rankings by summing {@code weight / (k + rank)} over the rankings a chunk appears in
 * (Cormack, Clarke and Büttcher, 2009). Ranks, not scores, are fused: BM25 and cosine scores are
 * on scales that cannot be compared.
 */
final class ReciprocalRankFusion implements HybridFusion {

    private final int k;
    private final Map<RetrieveMode, Double> weights;

    ReciprocalRankFusion(int k, Map<RetrieveMode, Double> weights) {
        if (k < 1) {
            throw new IllegalArgumentException("ragfn.retrieve.rrf-k must be at least 1 but was " + k);
        }
        weights.forEach((mode, weight) -> {
            if (!(weight >= 0)) {
                throw new IllegalArgumentException("the " + mode.wireName() + " weight must be >= 0 but was " + weight);
            }
        });
        this.k = k;
        this.weights = Map.copyOf(weights);
    }

    /** A single ranking as passages, keeping the search's own scores. */
    static List<Passage> ranked(RetrieveMode mode, List<IndexHit> hits) {
        List<Passage> passages = new ArrayList<>(hits.size());
        for (int i = 0; i < hits.size(); i++) {
            passages.add(FusedRanking.passage(hits.get(i), hits.get(i).score(), Map.of(mode, i + 1),
                    mode == RetrieveMode.VECTOR ? FusedRanking.cosine(hits.get(i)) : null));
        }
        return passages;
    }

    @Override
    public List<Passage> fuse(Map<RetrieveMode, List<IndexHit>> rankings) {
        return FusedRanking.merge(rankings, (mode, ranking, index) -> weights.getOrDefault(mode, 1.0) / (k + index + 1));
    }
}
