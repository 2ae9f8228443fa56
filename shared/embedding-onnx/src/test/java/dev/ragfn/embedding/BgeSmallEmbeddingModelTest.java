package dev.ragfn.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.store.embedding.CosineSimilarity;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.ragfn.core.config.RagfnConfig;
import dev.ragfn.core.error.InvalidInputException;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** bge-small-en-v1.5 as ragfn.embedding.model selects it: LangChain4j's vectors, and its instruction before queries only. */
class BgeSmallEmbeddingModelTest {

    private static final String INSTRUCTION = "Represent this sentence for searching relevant passages: ";

    @Test
    void should_give_the_same_passage_vectors_as_langchain4js_own_model_class() {
        List<TextSegment> texts = List.of(TextSegment.from("Employees get 25 days of paid vacation per year."),
                TextSegment.from("Rotate the database credential after every incident."));

        List<Embedding> ours = model("bge-small-en-v1.5-q").embedAll(texts).content();
        List<Embedding> theirs = new BgeSmallEnV15QuantizedEmbeddingModel().embedAll(texts).content();

        // The 8-bit model quantises activations with one scale per batch: texts embedded together
        // (ours) get vectors a little apart from texts embedded one by one (LangChain4j's), about
        // 0.997 in cosine; another pooling than [CLS] would be far further off.
        for (int i = 0; i < texts.size(); i++) {
            assertThat(ours.get(i).dimension()).isEqualTo(384);
            assertThat(CosineSimilarity.between(ours.get(i), theirs.get(i))).isGreaterThan(0.99);
        }
    }

    @Test
    void should_put_the_instruction_before_a_query_but_not_before_a_passage() {
        var model = model("bge-small-en-v1.5-q");
        String query = "how many vacation days do I get?";

        float[] asQuery = QueryEmbeddingModel.embedQuery(model, query);

        assertThat(asQuery).isEqualTo(model.embed(INSTRUCTION + query).content().vector());
        assertThat(asQuery).isNotEqualTo(model.embed(query).content().vector());
    }

    @Test
    void should_embed_a_query_as_any_text_when_the_model_has_no_instruction() {
        var model = model("all-minilm-l6-v2");

        assertThat(QueryEmbeddingModel.embedQuery(model, "vacation days"))
                .isEqualTo(model.embed("vacation days").content().vector());
    }

    @Test
    void should_refuse_an_unknown_in_process_model_naming_the_known_ones() {
        assertThatThrownBy(() -> model("bge-large"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("bge-large").hasMessageContaining("bge-small-en-v1.5-q")
                .hasMessageContaining("all-minilm-l6-v2");
    }

    private static EmbeddingModel model(String name) {
        RagfnConfig config = new SmallRyeConfigBuilder().withMapping(RagfnConfig.class)
                .withDefaultValue("ragfn.embedding.model", name).build().getConfigMapping(RagfnConfig.class);
        return EmbeddingModels.create(config);
    }
}
