package dev.ragfn.embed;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import dev.ragfn.core.domain.Chunk;
import dev.ragfn.core.domain.Document;
import dev.ragfn.core.domain.DocumentRef;
import dev.ragfn.core.domain.DocumentStatus;
import dev.ragfn.core.domain.KnowledgeBase;
import dev.ragfn.core.domain.KnowledgeBaseRef;
import dev.ragfn.core.event.ChunksReady;
import dev.ragfn.core.port.IndexHit;
import dev.ragfn.core.port.SearchFilter;
import dev.ragfn.core.port.SearchScope;
import dev.ragfn.index.lucene.LuceneVectorIndex;
import dev.ragfn.store.mvstore.MvStoreDocumentStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What embed hands to the model and to the index, taken from the document's and chunks' fields. */
class EmbedServiceTest {

    private static final KnowledgeBaseRef KB = new KnowledgeBaseRef("acme", "handbook");
    private static final Instant DATE = Instant.parse("2025-03-01T00:00:00Z");

    private final MvStoreDocumentStore store = MvStoreDocumentStore.inMemory();
    private final LuceneVectorIndex index = LuceneVectorIndex.inMemory(4);
    private final List<String> embedded = new ArrayList<>();
    private final EmbeddingModel model = new EmbeddingModel() {
        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            segments.forEach(s -> embedded.add(s.text()));
            return Response.from(segments.stream().map(s -> Embedding.from(new float[] {1, 0, 0, 0})).toList());
        }

        @Override
        public int dimension() {
            return 4;
        }
    };

    @AfterEach
    void close() {
        store.close();
        index.close();
    }

    @Test
    void should_embed_the_heading_path_with_the_text_and_index_path_tags_and_date_as_fields() {
        // given
        store.createKnowledgeBase(new KnowledgeBase(KB, "", "", 4, Instant.EPOCH));
        DocumentRef ref = KB.document("pay.md");
        Document document = store.putNewVersion(new Document(ref, "Pay", "inline:pay.md", "text/markdown",
                "sha256:p", DocumentStatus.CHUNKED, "", 1, List.of("hr", "pay, benefits"), DATE, Map.of(),
                Instant.EPOCH, 0));
        store.replaceChunks(ref, document.version(), List.of(
                new Chunk(ref, "c0", 0, "Salaries are paid monthly.", List.of("Handbook", "Pay"), 9, Map.of())));

        // when
        new EmbedService(store, index, model, 16, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC))
                .embed(new ChunksReady("acme", "handbook", "pay.md", "sha256:p", 1, document.version()));

        // then
        assertThat(embedded).containsExactly("Handbook > Pay\n\nSalaries are paid monthly.");
        SearchFilter filter = new SearchFilter(Set.of(), Set.of(), Set.of("pay, benefits"), DATE, DATE.plusSeconds(1));
        List<IndexHit> hits = index.vectorSearch(SearchScope.of(KB), new float[] {1, 0, 0, 0}, 5, filter);
        assertThat(hits).singleElement().satisfies(hit -> {
            assertThat(hit.text()).isEqualTo("Salaries are paid monthly.");
            assertThat(hit.headingPath()).containsExactly("Handbook", "Pay");
            assertThat(hit.tags()).containsExactlyInAnyOrder("hr", "pay, benefits");
        });
    }
}
