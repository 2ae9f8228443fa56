package dev.ragfn.retrieve.eval;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RankingMetricsTest {

    @Test
    void should_score_one_when_the_ranking_is_ideal_and_less_when_the_best_comes_second() {
        Map<String, Integer> judgements = Map.of("best", 2, "good", 1);

        assertThat(RankingMetrics.ndcg(List.of("best", "good", "x"), judgements, 10)).isEqualTo(1.0);
        // DCG = 1 + 2/log2(3); IDCG = 2 + 1/log2(3)
        double log3 = Math.log(3) / Math.log(2);
        assertThat(RankingMetrics.ndcg(List.of("good", "best"), judgements, 10))
                .isCloseTo((1 + 2 / log3) / (2 + 1 / log3), within(1e-12));
    }

    @Test
    void should_count_only_relevant_documents_within_the_cutoff_when_computing_recall() {
        Map<String, Integer> judgements = Map.of("a", 1, "b", 2, "judged-irrelevant", 0);

        assertThat(RankingMetrics.recall(List.of("x", "a", "b"), judgements, 2)).isEqualTo(0.5);
        assertThat(RankingMetrics.recall(List.of("judged-irrelevant"), judgements, 100)).isZero();
    }
}
