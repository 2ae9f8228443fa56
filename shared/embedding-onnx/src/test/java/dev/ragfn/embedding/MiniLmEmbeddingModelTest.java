package dev.ragfn.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.store.embedding.CosineSimilarity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Our session settings change how ONNX Runtime schedules threads, never what the model computes for a short text. */
class MiniLmEmbeddingModelTest {

    @Test
    void should_give_the_same_vectors_as_langchain4js_own_model_class() {
        List<TextSegment> texts = List.of(TextSegment.from("Employees get 25 days of paid vacation per year."),
                TextSegment.from("Rotate the database credential after every incident."),
                TextSegment.from("kubernetes"));

        List<Embedding> ours = new InProcessEmbeddingModel(InProcessModel.ALL_MINILM_L6_V2).embedAll(texts).content();
        List<Embedding> theirs = new AllMiniLmL6V2EmbeddingModel().embedAll(texts).content();

        assertThat(ours).hasSize(3);
        for (int i = 0; i < texts.size(); i++) {
            assertThat(ours.get(i).dimension()).isEqualTo(EmbeddingModels.MINILM_DIMENSION);
            assertThat(CosineSimilarity.between(ours.get(i), theirs.get(i))).isGreaterThan(0.9999);
        }
        assertThat(CosineSimilarity.between(ours.get(0), ours.get(1))).isLessThan(0.9);
    }

    /** Chunks are cut at 200 tokens by default; the model must read all of them, not the first 128. */
    @Test
    void should_read_a_chunk_to_its_end_when_it_is_longer_than_128_tokens() {
        String opening = "The platform team runs the cluster and answers pages about it. ".repeat(12);
        String cats = opening + "The cat sat on the mat and purred at the dog across the street.";
        String revenue = opening + "Quarterly revenue grew eleven percent on strong cloud subscription sales.";
        assertThat(EmbeddingModels.tokenizer().estimateTokenCountInText(opening)).isBetween(140, 190);

        List<Embedding> ours = new InProcessEmbeddingModel(InProcessModel.ALL_MINILM_L6_V2).embedAll(
                List.of(TextSegment.from(cats), TextSegment.from(revenue))).content();

        assertThat(CosineSimilarity.between(ours.get(0), ours.get(1))).isLessThan(0.99);
    }

    /** Texts are sorted by length and embedded in batches; each must still get its own vector, in order. */
    @Test
    void should_give_each_text_of_a_large_mixed_batch_the_vector_it_gets_alone() {
        InProcessEmbeddingModel model = new InProcessEmbeddingModel(InProcessModel.ALL_MINILM_L6_V2);
        List<TextSegment> texts = new java.util.ArrayList<>();
        for (int i = 0; i < 37; i++) {
            texts.add(TextSegment.from("Runbook step " + i + ": " + "restart the operator and check the pods. ".repeat(1 + i % 7)));
        }

        List<Embedding> together = model.embedAll(texts).content();

        assertThat(together).hasSize(texts.size());
        for (int i : new int[] {0, 5, 16, 17, 36}) {
            Embedding alone = model.embed(texts.get(i)).content();
            assertThat(CosineSimilarity.between(together.get(i), alone)).isGreaterThan(0.9999);
        }
        assertThat(CosineSimilarity.between(together.get(0), together.get(6))).isLessThan(0.99);
    }
}
