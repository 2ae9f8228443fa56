package dev.ragfn.retrieve;

import dev.ragfn.core.domain.DocumentRef;
import dev.ragfn.core.port.IndexHit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges rankings by summing {@code weight / (k + rank)} over the rankings a chunk appears in
 * (Cormack, Clarke and Büttcher, 2009). Ranks, not scores, are fused: BM25 and cosine scores are
 * on scales that cannot be compared.
 */
final class ReciprocalRankFusion {

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
            passages.add(passage(hits.get(i), hits.get(i).score(), Map.of(mode, i + 1),
                    mode == RetrieveMode.VECTOR ? cosine(hits.get(i)) : null));
        }
        return passages;
    }

    List<Passage> fuse(Map<RetrieveMode, List<IndexHit>> rankings) {
        Map<ChunkKey, Fused> fused = new LinkedHashMap<>();
        rankings.forEach((mode, hits) -> {
            double weight = weights.getOrDefault(mode, 1.0);
            for (int i = 0; i < hits.size(); i++) {
                IndexHit hit = hits.get(i);
                Fused entry = fused.computeIfAbsent(new ChunkKey(hit.document(), hit.chunkId()), key -> new Fused(hit));
                entry.score += weight / (k + i + 1);
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

    private static Passage passage(IndexHit hit, double score, Map<RetrieveMode, Integer> ranks, Double similarity) {
        return new Passage(hit.document().knowledgeBase().knowledgeBase(), hit.document().documentId(), hit.title(),
                hit.source(), hit.chunkId(), hit.position(), score, Map.copyOf(ranks), hit.text(), similarity);
    }

    /** Vector searches score (1 + cosine) / 2 on every index (VectorIndex's contract). */
    private static double cosine(IndexHit vectorHit) {
        return 2 * vectorHit.score() - 1;
    }

    private record ChunkKey(DocumentRef document, String chunkId) {
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
