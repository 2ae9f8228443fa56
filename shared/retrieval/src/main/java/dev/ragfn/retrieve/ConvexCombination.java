package dev.ragfn.retrieve;

import dev.ragfn.core.port.IndexHit;

import java.util.List;
import java.util.Map;

/**
 * Fuses scores rather than ranks: each ranking's scores are min-max normalised to [0, 1], and a
 * chunk scores {@code w * vector + (1 - w) * bm25}, 0 for a ranking that did not find it. A
 * vector hit far ahead of the rest keeps its lead, which rank fusion flattens (Bruch, Gai and
 * Ingber, "An Analysis of Fusion Functions for Hybrid Retrieval", 2023).
 */
final class ConvexCombination implements HybridFusion {

    private final double vectorWeight;

    ConvexCombination(double vectorWeight) {
        if (!(vectorWeight >= 0 && vectorWeight <= 1)) {
            throw new IllegalArgumentException("ragfn.retrieve.convex-vector-weight must be between 0 and 1 but was "
                    + vectorWeight);
        }
        this.vectorWeight = vectorWeight;
    }

    @Override
    public List<Passage> fuse(Map<RetrieveMode, List<IndexHit>> rankings) {
        return FusedRanking.merge(rankings, (mode, ranking, index) -> {
            double weight = mode == RetrieveMode.VECTOR ? vectorWeight : 1 - vectorWeight;
            return weight * normalised(ranking, index);
        });
    }

    /** Rankings are best first: the first hit holds the maximum, the last the minimum. */
    private static double normalised(List<IndexHit> ranking, int index) {
        double max = ranking.getFirst().score();
        double min = ranking.getLast().score();
        return max > min ? (ranking.get(index).score() - min) / (max - min) : 1;
    }
}
