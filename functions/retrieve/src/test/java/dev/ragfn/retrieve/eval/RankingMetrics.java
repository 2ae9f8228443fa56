package dev.ragfn.retrieve.eval;

import java.util.List;
import java.util.Map;

/** The two measures BEIR reports, with graded relevance as the gain (as pytrec_eval computes them). */
final class RankingMetrics {

    private RankingMetrics() {
    }

    static double ndcg(List<String> ranking, Map<String, Integer> judgements, int cutoff) {
        double dcg = 0;
        for (int i = 0; i < Math.min(cutoff, ranking.size()); i++) {
            dcg += Math.max(0, judgements.getOrDefault(ranking.get(i), 0)) / log2(i + 2);
        }
        List<Integer> ideal = judgements.values().stream().filter(g -> g > 0)
                .sorted((a, b) -> b - a).limit(cutoff).toList();
        double idcg = 0;
        for (int i = 0; i < ideal.size(); i++) {
            idcg += ideal.get(i) / log2(i + 2);
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    static double recall(List<String> ranking, Map<String, Integer> judgements, int cutoff) {
        long relevant = judgements.values().stream().filter(g -> g > 0).count();
        if (relevant == 0) {
            return 0;
        }
        long found = ranking.stream().limit(cutoff).filter(id -> judgements.getOrDefault(id, 0) > 0).count();
        return (double) found / relevant;
    }

    private static double log2(int x) {
        return Math.log(x) / Math.log(2);
    }
}
