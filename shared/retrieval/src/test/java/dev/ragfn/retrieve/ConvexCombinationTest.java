package dev.ragfn.retrieve;

import dev.ragfn.core.domain.DocumentRef;
import dev.ragfn.core.port.IndexHit;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.ragfn.retrieve.RetrieveMode.BM25;
import static dev.ragfn.retrieve.RetrieveMode.VECTOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ConvexCombinationTest {

    @Test
    void should_keep_a_clear_vector_lead_that_rank_fusion_would_give_to_a_chunk_both_searches_found() {
        // given: "answer" is far ahead in the vector search; "word" matches a word and is second in both
        Map<RetrieveMode, List<IndexHit>> rankings = Map.of(
                BM25, List.of(hit("word", 9.0), hit("other", 8.0), hit("answer", 2.0)),
                VECTOR, List.of(hit("answer", 0.90), hit("word", 0.62), hit("other", 0.60)));

        // when
        List<Passage> convex = new ConvexCombination(0.8).fuse(rankings);
        List<Passage> rrf = new ReciprocalRankFusion(60, Map.of(BM25, 1.0, VECTOR, 1.0)).fuse(rankings);

        // then
        assertThat(convex).extracting(Passage::documentId).containsExactly("answer", "word", "other");
        assertThat(rrf.getFirst().documentId()).isEqualTo("word");
        // answer: 0.8 * 1 (vector max) + 0.2 * 0 (bm25 min)
        assertThat(convex.getFirst().score()).isCloseTo(0.8, within(1e-12));
        assertThat(convex.getFirst().similarity()).isCloseTo(0.8, within(1e-12));
    }

    @Test
    void should_count_a_ranking_that_missed_the_chunk_as_zero() {
        // when
        List<Passage> fused = new ConvexCombination(0.8).fuse(Map.of(
                BM25, List.of(hit("lexical-only", 5.0), hit("both", 1.0)),
                VECTOR, List.of(hit("both", 0.9), hit("vector-only", 0.7))));

        // then
        assertThat(fused).extracting(Passage::documentId).containsExactly("both", "lexical-only", "vector-only");
        assertThat(fused.get(0).score()).isCloseTo(0.8, within(1e-12));
        assertThat(fused.get(1).score()).isCloseTo(0.2, within(1e-12));
        assertThat(fused.get(2).score()).isCloseTo(0.0, within(1e-12));
        assertThat(fused.get(1).similarity()).isNull();
    }

    @Test
    void should_refuse_a_weight_outside_zero_to_one() {
        assertThatThrownBy(() -> new ConvexCombination(1.5))
                .hasMessageContaining("ragfn.retrieve.convex-vector-weight must be between 0 and 1");
    }

    private static IndexHit hit(String documentId, double score) {
        return new IndexHit(DocumentRef.of("acme", "kb", documentId), "c0", 0, documentId, "text of " + documentId,
                "", List.of(), Map.of(), score);
    }
}
