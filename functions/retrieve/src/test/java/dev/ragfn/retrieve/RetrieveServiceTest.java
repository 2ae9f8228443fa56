package dev.ragfn.retrieve;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.ragfn.core.domain.DocumentRef;
import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.core.port.IndexedChunk;
import dev.ragfn.index.lucene.LuceneVectorIndex;
import dev.ragfn.retrieve.rerank.ScoringModelReranker;
import dev.langchain4j.model.output.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Mostly BM25 mode; the in-process model's modes are tested in {@link RetrieveFunctionTest}, here only with a fixed query vector. */
class RetrieveServiceTest {

    private static final EmbeddingModel NO_EMBEDDING = new EmbeddingModel() {
        @Override
        public Response<Embedding> embed(String text) {
            throw new AssertionError("a BM25 search must not embed the query");
        }
    };

    private final LuceneVectorIndex index = LuceneVectorIndex.inMemory(3);

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void should_order_by_the_scoring_model_when_a_reranker_is_configured() {
        // given
        index.upsert(List.of(chunk("short.md", "kubernetes"), chunk("long.md", "kubernetes pods and kubernetes nodes")));
        ScoringModelReranker reranker = new ScoringModelReranker((segments, query) ->
                Response.from(segments.stream().map(s -> (double) s.text().length()).toList()));
        RetrieveService service = new RetrieveService(index, NO_EMBEDDING, TestConfigs.retrieveConfig(), Optional.of(reranker));

        // when
        RetrieveResponse response = service.retrieve(RetrieveRequest.of("kubernetes", "acme", "kb", 1, RetrieveMode.BM25));

        // then
        assertThat(response.reranked()).isTrue();
        assertThat(response.passages()).singleElement().satisfies(p -> {
            assertThat(p.documentId()).isEqualTo("long.md");
            assertThat(p.score()).isEqualTo(36.0);
            assertThat(p.ranks()).containsKey(RetrieveMode.BM25);
        });
    }

    @Test
    void should_use_the_configured_mode_and_top_k_when_the_request_gives_none() {
        // given
        index.upsert(List.of(chunk("a.md", "vacation"), chunk("b.md", "vacation days"), chunk("c.md", "vacation policy")));
        RetrieveService service = new RetrieveService(index, NO_EMBEDDING,
                TestConfigs.retrieveConfig("ragfn.retrieve.default-mode", "bm25", "ragfn.retrieve.default-top-k", "2"),
                Optional.empty());

        // when
        RetrieveResponse response = service.retrieve(new RetrieveRequest("vacation", "acme", List.of("kb"), null, null,
                null, null, null));

        // then
        assertThat(response.mode()).isEqualTo(RetrieveMode.BM25);
        assertThat(response.reranked()).isFalse();
        assertThat(response.passages()).hasSize(2);
    }

    @Test
    void should_return_only_documents_dated_in_the_range_when_the_request_gives_from_and_until() {
        // given
        index.upsert(List.of(dated("2024-q4.md", "2024-11-15T08:00:00Z"), dated("2025-q1.md", "2025-02-01T00:00:00Z"),
                dated("2025-q2.md", "2025-05-01T00:00:00Z")));
        RetrieveService service = new RetrieveService(index, NO_EMBEDDING, TestConfigs.retrieveConfig(), Optional.empty());

        // when: a calendar date means midnight UTC
        RetrieveResponse response = service.retrieve(new RetrieveRequest("quarterly report", "acme", List.of("kb"), 10,
                RetrieveMode.BM25, null, null, null, "2025-01-01", "2025-04-01T00:00:00+02:00"));

        // then
        assertThat(response.passages()).extracting(Passage::documentId).containsExactly("2025-q1.md");
    }

    @Test
    void should_give_a_passage_found_by_text_alone_its_cosine_similarity_when_searching_hybrid() {
        // given: more chunks near the query vector than a hybrid search takes from the vector side,
        // and one far away (cosine -0.6) that only the text search finds
        List<IndexedChunk> chunks = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            chunks.add(new IndexedChunk(DocumentRef.of("acme", "kb", "near-" + i), "c0", 0, "", "unrelated words",
                    new float[] {1, 0.01f * i, 0}, "", List.of(), Map.of()));
        }
        chunks.add(new IndexedChunk(DocumentRef.of("acme", "kb", "far"), "c0", 0, "", "kubernetes operators",
                new float[] {-0.6f, 0.8f, 0}, "", List.of(), Map.of()));
        index.upsert(chunks);
        EmbeddingModel alongX = new EmbeddingModel() {
            @Override
            public Response<Embedding> embed(String text) {
                return Response.from(Embedding.from(new float[] {1, 0, 0}));
            }
        };
        RetrieveService service = new RetrieveService(index, alongX, TestConfigs.retrieveConfig(), Optional.empty());

        // when
        RetrieveResponse response = service.retrieve(RetrieveRequest.of("kubernetes", "acme", "kb", 10,
                RetrieveMode.HYBRID));

        // then
        assertThat(response.passages()).filteredOn(p -> p.documentId().equals("far")).singleElement().satisfies(p -> {
            assertThat(p.ranks()).containsOnlyKeys(RetrieveMode.BM25);
            assertThat(p.similarity()).isCloseTo(-0.6, within(1e-6));
        });
        assertThat(response.passages()).allSatisfy(p -> assertThat(p.similarity()).isNotNull());
    }

    @Test
    void should_refuse_a_request_when_a_date_is_unreadable_or_the_range_is_empty() {
        assertThatThrownBy(() -> new RetrieveRequest("q", "acme", List.of("kb"), 10, null, null, null, null,
                "last tuesday", null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("from 'last tuesday' is not a date");
        assertThatThrownBy(() -> new RetrieveRequest("q", "acme", List.of("kb"), 10, null, null, null, null,
                "2025-02-01", "2025-01-01"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("the date range is empty");
    }

    /**
     * Chunks indexed before the heading path was a field had it at the start of their text, and that text
     * was embedded: hybrid retrieval must rank today's chunks exactly as those, and return both alike.
     */
    @Test
    void should_rank_chunks_with_a_heading_path_field_as_their_former_form_when_searching_hybrid() {
        // given: the same three chunks, in knowledge base "now" as today and in "former" as before
        EmbeddingModel letters = new EmbeddingModel() {
            @Override
            public Response<Embedding> embed(String text) {
                String t = text.toLowerCase();
                return Response.from(Embedding.from(new float[] {t.chars().filter(c -> c == 'e').count() + 1,
                        t.chars().filter(c -> c == 'a').count(), t.length() % 7}));
            }
        };
        String[][] chunks = {
                {"vacation.md", "Handbook|Time off", "Employees get 25 days of paid vacation per year."},
                {"pay.md", "Handbook|Pay", "Salaries are paid on the last working day of each month."},
                {"vpn.md", "", "Remote staff connect through the WireGuard VPN."}};
        for (String[] c : chunks) {
            List<String> path = c[1].isEmpty() ? List.of() : List.of(c[1].split("\\|"));
            IndexedChunk now = new IndexedChunk(DocumentRef.of("acme", "now", c[0]), "c0", 0, "Guide", c[2], path,
                    new float[3], "", List.of(), Map.of(), null, 1);
            String formerText = now.searchText();
            index.upsert(List.of(
                    new IndexedChunk(now.document(), "c0", 0, "Guide", c[2], path,
                            letters.embed(now.searchText()).content().vector(), "", List.of(), Map.of(), null, 1),
                    new IndexedChunk(DocumentRef.of("acme", "former", c[0]), "c0", 0, "Guide", formerText, List.of(),
                            letters.embed(formerText).content().vector(), "", List.of(),
                            path.isEmpty() ? Map.of() : Map.of("headings", String.join(" > ", path)), null, 1)));
        }
        RetrieveService service = new RetrieveService(index, letters, TestConfigs.retrieveConfig(), Optional.empty());

        // when
        List<Passage> now = service.retrieve(RetrieveRequest.of("time off per year", "acme", "now", 3,
                RetrieveMode.HYBRID)).passages();
        List<Passage> former = service.retrieve(RetrieveRequest.of("time off per year", "acme", "former", 3,
                RetrieveMode.HYBRID)).passages();

        // then
        assertThat(now).extracting(Passage::documentId).hasSize(3).startsWith("vacation.md");
        assertThat(former).usingRecursiveFieldByFieldElementComparatorIgnoringFields("knowledgeBase")
                .isEqualTo(now);
        assertThat(now.get(0).text()).isEqualTo("Employees get 25 days of paid vacation per year.");
        assertThat(now.get(0).headingPath()).containsExactly("Handbook", "Time off");
    }

    private static IndexedChunk dated(String documentId, String date) {
        return new IndexedChunk(DocumentRef.of("acme", "kb", documentId), "c0", 0, "", "quarterly report",
                new float[] {1, 0, 0}, "", List.of(), Map.of(), Instant.parse(date));
    }

    private static IndexedChunk chunk(String documentId, String text) {
        return new IndexedChunk(DocumentRef.of("acme", "kb", documentId), "c0", 0, "", text, new float[] {1, 0, 0},
                "", List.of(), Map.of());
    }
}
