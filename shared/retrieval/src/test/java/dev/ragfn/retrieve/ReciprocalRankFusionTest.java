package dev.ragfn.retrieve;

import dev.ragfn.core.domain.DocumentRef;
import dev.ragfn.core.port.IndexHit;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.ragfn.retrieve.RetrieveMode.BM25;
import static dev.ragfn.retrieve.RetrieveMode.VECTOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ReciprocalRankFusionTest {

    @Test
    void should_put_a_chunk_found_by_both_searches_first_when_each_search_ranks_another_chunk_higher() {
        // given
        ReciprocalRankFusion fusion = new ReciprocalRankFusion(60, Map.of(BM25, 1.0, VECTOR, 1.0));

        // when
        List<Passage> fused = fusion.fuse(Map.of(BM25, hits("a", "both"), VECTOR, hits("b", "both")));

        // then
        assertThat(fused).extracting(Passage::documentId).containsExactly("both", "a", "b");
        assertThat(fused.getFirst().score()).isCloseTo(2.0 / 62, within(1e-12));
        assertThat(fused.getFirst().ranks()).containsExactlyInAnyOrderEntriesOf(Map.of(BM25, 2, VECTOR, 2));
        assertThat(fused.get(1).ranks()).containsExactlyEntriesOf(Map.of(BM25, 1));
    }

    @Test
    void should_follow_the_heavier_ranking_when_weights_differ() {
        // given
        ReciprocalRankFusion fusion = new ReciprocalRankFusion(60, Map.of(BM25, 0.5, VECTOR, 2.0));

        // when
        List<Passage> fused = fusion.fuse(Map.of(BM25, hits("a", "b"), VECTOR, hits("b", "a")));

        // then
        assertThat(fused).extracting(Passage::documentId).containsExactly("b", "a");
    }

    @Test
    void should_keep_the_search_scores_and_ranks_when_a_single_ranking_is_passed_through() {
        // when
        List<Passage> ranked = ReciprocalRankFusion.ranked(VECTOR, hits("x", "y"));

        // then
        assertThat(ranked).extracting(Passage::score).containsExactly(2.0, 1.0);
        assertThat(ranked).extracting(p -> p.ranks().get(VECTOR)).containsExactly(1, 2);
    }

    @Test
    void should_keep_chunks_of_equal_ids_in_different_knowledge_bases_apart() {
        // given
        ReciprocalRankFusion fusion = new ReciprocalRankFusion(60, Map.of());
        IndexHit inHandbook = hit("kb-a", "doc", 1);
        IndexHit inWiki = hit("kb-b", "doc", 1);

        // when
        List<Passage> fused = fusion.fuse(Map.of(BM25, List.of(inHandbook), VECTOR, List.of(inWiki)));

        // then
        assertThat(fused).extracting(Passage::knowledgeBase).containsExactly("kb-a", "kb-b");
    }

    private static List<IndexHit> hits(String... documentIds) {
        return java.util.stream.IntStream.range(0, documentIds.length)
                .mapToObj(i -> hit("kb", documentIds[i], documentIds.length - i)).toList();
    }

    private static IndexHit hit(String knowledgeBase, String documentId, double score) {
        return new IndexHit(DocumentRef.of("acme", knowledgeBase, documentId), "c0", 0, documentId, "text of " + documentId,
                "", List.of(), Map.of(), score);
    }
}
