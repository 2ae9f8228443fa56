package dev.ragfn.chatturn;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import dev.ragfn.core.domain.DocumentRef;
import dev.ragfn.core.port.IndexedChunk;
import dev.ragfn.index.lucene.LuceneVectorIndex;
import dev.ragfn.retrieve.RetrieveConfig;
import dev.ragfn.retrieve.RetrieveService;
import dev.ragfn.shield.Shield;
import dev.ragfn.store.mvstore.MvStoreSessionStore;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** A turn embeds its question once: retrieval and the evidence ranking share the vector. */
class QuestionEmbeddingTest {

    private static final String QUESTION = "How often should the credential be rotated?";

    @TempDir
    Path dir;

    @Test
    void should_embed_the_question_once_when_the_answer_is_extractive() throws Exception {
        // given: a hybrid search (which embeds the question) and no chat model, so sentences are ranked
        CountingModel model = new CountingModel();
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultSources()
                .withMapping(ChatConfig.class).withMapping(RetrieveConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter())
                .withDefaultValue("ragfn.chat.min-relevance", "-1")
                .build();
        try (LuceneVectorIndex index = LuceneVectorIndex.open(dir.resolve("index"), model.dimension());
             MvStoreSessionStore sessions = MvStoreSessionStore.open(dir.resolve("sessions"))) {
            String text = "Rotate the credential after every incident. The runbook lists each step in order.";
            index.upsert(List.of(new IndexedChunk(DocumentRef.of("acme", "kb", "runbook"), "c1", 0, "Runbook", text,
                    model.embed(text).content().vector(), "", List.of(), Map.of())));
            model.embedded.clear();
            RetrieveService retrieve = new RetrieveService(index, model, config.getConfigMapping(RetrieveConfig.class),
                    Optional.empty());
            ChatTurnService service = new ChatTurnService(retrieve, model, Shield.withDefaultPolicy(), sessions,
                    config.getConfigMapping(ChatConfig.class), Optional.empty(), Clock.systemUTC());

            // when
            service.chat(new ChatTurnRequest("acme", null, QUESTION, List.of("kb"), null));

            // then
            assertThat(model.embedded).filteredOn(QUESTION::equals).hasSize(1);
        }
    }

    /** Words hashed into a small vector; it records every text it embeds. */
    private static final class CountingModel implements EmbeddingModel {

        final List<String> embedded = new CopyOnWriteArrayList<>();

        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            return Response.from(segments.stream().map(segment -> {
                embedded.add(segment.text());
                float[] vector = new float[16];
                for (String word : segment.text().toLowerCase().split("\\W+")) {
                    vector[Math.floorMod(word.hashCode(), 16)] += 1;
                }
                vector[0] += 0.01f;
                return Embedding.from(vector);
            }).toList());
        }

        @Override
        public int dimension() {
            return 16;
        }
    }
}
