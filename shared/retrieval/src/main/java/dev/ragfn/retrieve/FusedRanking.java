package dev.ragfn.retrieve;

import dev.ragfn.core.domain.ChunkRef;
import dev.ragfn.core.port.IndexHit;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sums what each ranking contributes to each chunk, and orders chunks by that sum. */
final class FusedRanking {

    /** What the hit at {@code index} of one ranking adds to its chunk's fused score. */
    interface Contribution {
        double of(RetrieveMode mode, List<IndexHit> ranking, int index);
    }

    private FusedRanking() {
    }

    static List<Passage> merge(Map<RetrieveMode, List<IndexHit>> rankings, Contribution contribution) {
        Map<ChunkRef, Fused> fused = new LinkedHashMap<>();
        rankings.forEach((mode, hits) -> {
            for (int i = 0; i < hits.size(); i++) {
                IndexHit hit = hits.get(i);
                Fused entry = fused.computeIfAbsent(hit.ref(), key -> new Fused(hit));
                entry.score += contribution.of(mode, hits, i);
                entry.ranks.put(mode, i + 1);
                if (mode == RetrieveMode.VECTOR) {
                    entry.similarity = cosine(hit);
                }
            }
        });
        return fused.values().stream()
                .sorted(Comparator.comparingDouble((Fused f) -> -f.score)
                        .thenComparingInt(Fused::bestRank)
                        .thenComparing(f -> f.hit.document().toString())
                        .thenComparing(f -> f.hit.chunkId()))
                .map(f -> passage(f.hit, f.score, f.ranks, f.similarity))
                .toList();
    }

    static Passage passage(IndexHit hit, double score, Map<RetrieveMode, Integer> ranks, Double similarity) {
        return new Passage(hit.document().knowledgeBase().knowledgeBase(), hit.document().documentId(), hit.title(),
                hit.source(), hit.chunkId(), hit.position(), score, Map.copyOf(ranks), hit.text(), hit.headingPath(),
                similarity);
    }

    /** Vector searches score (1 + cosine) / 2 on every index (VectorIndex's contract). */
    static double cosine(IndexHit vectorHit) {
        return cosine(vectorHit.score());
    }

    static double cosine(double vectorScore) {
        return 2 * vectorScore - 1;
    }

    private static final class Fused {
        final IndexHit hit;
        final Map<RetrieveMode, Integer> ranks = new EnumMap<>(RetrieveMode.class);
        double score;
        Double similarity;

        Fused(IndexHit hit) {
            this.hit = hit;
        }

        int bestRank() {
            return ranks.values().stream().mapToInt(Integer::intValue).min().orElse(Integer.MAX_VALUE);
        }
    }
}
