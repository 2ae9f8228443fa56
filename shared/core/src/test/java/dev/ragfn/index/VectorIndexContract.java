package dev.ragfn.index;

import dev.ragfn.core.domain.ChunkRef;
import dev.ragfn.core.domain.DocumentRef;
import dev.ragfn.core.domain.KnowledgeBaseRef;
import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.core.error.TooLargeException;
import dev.ragfn.core.port.ChunkKey;
import dev.ragfn.core.port.IndexHit;
import dev.ragfn.core.port.IndexedChunk;
import dev.ragfn.core.port.SearchFilter;
import dev.ragfn.core.port.SearchScope;
import dev.ragfn.core.port.VectorIndex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * What every VectorIndex must do. Each implementation's test extends this and supplies a fresh,
 * empty index per test (a new OpenSearch index, a new Lucene directory).
 */
public abstract class VectorIndexContract {

    protected static final int DIMENSION = 16;
    private static final KnowledgeBaseRef KB = new KnowledgeBaseRef("acme", "handbook");
    private static final KnowledgeBaseRef OTHER_KB = new KnowledgeBaseRef("acme", "wiki");
    private static final KnowledgeBaseRef OTHER_TENANT = new KnowledgeBaseRef("globex", "handbook");

    protected VectorIndex index;

    /** A new, empty index of the given dimension; the contract closes it after each test. */
    protected abstract VectorIndex newIndex(int dimension);

    @BeforeEach
    void openIndex() {
        index = newIndex(DIMENSION);
    }

    @AfterEach
    void closeIndex() {
        index.close();
    }

    @Test
    void should_rank_the_nearest_vector_first_when_searching_by_vector() {
        List<IndexedChunk> chunks = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            chunks.add(chunk(KB.document("doc-" + (i % 4)), "c" + i, i, "text " + i, axis(i % DIMENSION, 0.05f * i)));
        }
        index.upsert(chunks);

        List<IndexHit> hits = index.vectorSearch(SearchScope.of(KB), axis(3, 0f), 5, SearchFilter.none());

        assertThat(hits).hasSize(5);
        assertThat(hits.get(0).chunkId()).isEqualTo("c3");
        assertThat(hits).extracting(IndexHit::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(hits.get(0).score()).isGreaterThan(hits.get(4).score());
    }

    @Test
    void should_return_every_stored_field_when_a_chunk_is_found() {
        IndexedChunk stored = new IndexedChunk(KB.document("guides/setup.md"), "c-7", 7, "Setup guide",
                "Install the operator from OperatorHub.", axis(1, 0f), "s3://docs/setup.md",
                List.of("ops", "install"), Map.of("heading", "Install"));
        index.upsert(List.of(stored));

        IndexHit hit = index.vectorSearch(SearchScope.of(KB), axis(1, 0f), 1, SearchFilter.none()).get(0);

        assertThat(hit.document()).isEqualTo(stored.document());
        assertThat(hit.chunkId()).isEqualTo("c-7");
        assertThat(hit.position()).isEqualTo(7);
        assertThat(hit.title()).isEqualTo("Setup guide");
        assertThat(hit.text()).isEqualTo(stored.text());
        assertThat(hit.source()).isEqualTo("s3://docs/setup.md");
        assertThat(hit.tags()).containsExactlyInAnyOrder("ops", "install");
        assertThat(hit.metadata()).containsEntry("heading", "Install");
        assertThat(hit.score()).isGreaterThan(0.99);
    }

    @Test
    void should_return_the_heading_path_and_tags_as_lists_when_a_chunk_has_them() {
        IndexedChunk stored = new IndexedChunk(KB.document("handbook.md"), "h-1", 1, "Handbook",
                "Take 25 days a year.", List.of("Handbook", "Pay, leave > rules"), axis(2, 0f), "",
                List.of("hr", "install, upgrade"), Map.of("page", "2"), Instant.parse("2025-03-01T00:00:00Z"), 1);
        index.upsert(List.of(stored));

        IndexHit hit = index.vectorSearch(SearchScope.of(KB), axis(2, 0f), 1,
                new SearchFilter(Set.of(), Set.of(), Set.of("install, upgrade"))).get(0);

        assertThat(hit.chunkId()).isEqualTo("h-1");
        assertThat(hit.text()).isEqualTo("Take 25 days a year.");
        assertThat(hit.headingPath()).containsExactly("Handbook", "Pay, leave > rules");
        assertThat(hit.tags()).containsExactlyInAnyOrder("hr", "install, upgrade");
        assertThat(hit.metadata()).containsOnly(Map.entry("page", "2"));
    }

    /**
     * BM25 must rank a chunk's heading path with its text exactly as when ingestion wrote the path into
     * the text (so retrieval quality does not move), and chunks indexed that way must read as today's.
     */
    @Test
    void should_score_the_heading_path_as_text_and_read_former_chunks_alike_when_searching_by_text() {
        String body = "Full-time staff take twenty five days a year, booked in the portal.";
        IndexedChunk asField = new IndexedChunk(KB.document("now"), "h", 0, "Handbook", body,
                List.of("Handbook", "Time off"), axis(0, 0f), "", List.of(), Map.of(), null, 1);
        IndexedChunk asFormerText = new IndexedChunk(KB.document("former"), "h", 0, "Handbook",
                "Handbook > Time off\n\n" + body, List.of(), axis(0, 0f), "", List.of(),
                Map.of("headings", "Handbook > Time off"), null, 1);
        index.upsert(List.of(asField, asFormerText,
                chunk(KB.document("other"), "o", 0, "Expense reports are due on the fifth.", axis(1, 0f))));

        List<IndexHit> hits = index.textSearch(SearchScope.of(KB), "how much time off per year", 5,
                SearchFilter.none());

        assertThat(hits).extracting(h -> h.document().documentId()).containsExactlyInAnyOrder("now", "former");
        assertThat(hits.get(0).score()).isCloseTo(hits.get(1).score(), within(1e-5));
        assertThat(hits).allSatisfy(hit -> {
            assertThat(hit.text()).isEqualTo(body);
            assertThat(hit.headingPath()).containsExactly("Handbook", "Time off");
            assertThat(hit.metadata()).isEmpty();
        });
        assertThat(index.textSearch(SearchScope.of(KB), "time off", 5, SearchFilter.none()))
                .extracting(h -> h.document().documentId()).containsExactlyInAnyOrder("now", "former");
    }

    @Test
    void should_rank_the_matching_text_first_when_searching_by_text() {
        index.upsert(List.of(
                chunk(KB.document("a"), "a0", 0, "The cafeteria opens at eight and serves breakfast.", axis(0, 0f)),
                chunk(KB.document("b"), "b0", 0, "Kubernetes operators reconcile custom resources continuously.", axis(1, 0f)),
                chunk(KB.document("c"), "c0", 0, "Expense reports are due on the fifth of each month.", axis(2, 0f))));

        List<IndexHit> hits = index.textSearch(SearchScope.of(KB), "how does an operator reconcile resources?", 3,
                SearchFilter.none());

        assertThat(hits).isNotEmpty();
        assertThat(hits.get(0).chunkId()).isEqualTo("b0");
        assertThat(hits).extracting(IndexHit::chunkId).doesNotContain("a0");
    }

    /**
     * A document's title is repeated on each of its chunks: a chunk that names the query only
     * through its title must not outrank one whose own text says it (VectorIndex.TITLE_WEIGHT).
     */
    @Test
    void should_rank_a_chunk_whose_text_matches_above_one_whose_title_alone_matches_when_searching_by_text() {
        index.upsert(List.of(
                new IndexedChunk(KB.document("policy"), "p0", 0, "Vacation policy",
                        "Submit requests through the portal two weeks ahead.", axis(0, 0f), "", List.of(), Map.of()),
                new IndexedChunk(KB.document("news"), "n0", 0, "Office news",
                        "Unused vacation days now carry over to next year.", axis(1, 0f), "", List.of(), Map.of())));

        List<IndexHit> hits = index.textSearch(SearchScope.of(KB), "vacation", 5, SearchFilter.none());

        assertThat(hits).extracting(IndexHit::chunkId).containsExactly("n0", "p0");
    }

    @Test
    void should_never_return_another_tenants_chunks_whatever_the_filters() {
        index.upsert(List.of(
                chunk(OTHER_TENANT.document("secret"), "s0", 0, "globex merger plan confidential", axis(5, 0f)),
                chunk(KB.document("public"), "p0", 0, "acme picnic schedule", axis(6, 0f))));
        SearchScope acme = SearchScope.of(KB);
        SearchFilter askingForTheirs = new SearchFilter(Set.of("secret"), Set.of(), Set.of());

        assertThat(index.vectorSearch(acme, axis(5, 0f), 10, SearchFilter.none()))
                .extracting(IndexHit::chunkId).containsExactly("p0");
        assertThat(index.vectorSearch(acme, axis(5, 0f), 10, askingForTheirs)).isEmpty();
        assertThat(index.textSearch(acme, "globex merger plan", 10, SearchFilter.none())).isEmpty();
        assertThat(index.textSearch(acme, "globex merger plan", 10, askingForTheirs)).isEmpty();
        assertThat(index.count(acme)).isEqualTo(1);
    }

    @Test
    void should_search_only_the_listed_knowledge_bases() {
        index.upsert(List.of(
                chunk(KB.document("d"), "h0", 0, "vacation policy", axis(0, 0f)),
                chunk(OTHER_KB.document("d"), "w0", 0, "vacation policy draft", axis(0, 0.1f))));

        assertThat(index.textSearch(SearchScope.of(KB), "vacation", 10, SearchFilter.none()))
                .extracting(IndexHit::chunkId).containsExactly("h0");
        assertThat(index.vectorSearch(SearchScope.of("acme", "handbook", "wiki"), axis(0, 0f), 10, SearchFilter.none()))
                .extracting(IndexHit::chunkId).containsExactlyInAnyOrder("h0", "w0");
    }

    @Test
    void should_narrow_results_when_filtering_by_document_source_and_tag() {
        index.upsert(List.of(
                new IndexedChunk(KB.document("d1"), "x", 0, "", "release notes for version two", axis(0, 0f),
                        "git", List.of("release"), Map.of()),
                new IndexedChunk(KB.document("d2"), "y", 0, "", "release checklist for version two", axis(0, 0.01f),
                        "s3", List.of("process"), Map.of()),
                new IndexedChunk(KB.document("d3"), "z", 0, "", "release party invitation", axis(0, 0.02f),
                        "s3", List.of("release", "fun"), Map.of())));
        SearchScope scope = SearchScope.of(KB);

        assertThat(index.textSearch(scope, "release", 10, SearchFilter.documents("d2")))
                .extracting(IndexHit::chunkId).containsExactly("y");
        assertThat(index.vectorSearch(scope, axis(0, 0f), 10, new SearchFilter(Set.of(), Set.of("s3"), Set.of())))
                .extracting(IndexHit::chunkId).containsExactlyInAnyOrder("y", "z");
        assertThat(index.vectorSearch(scope, axis(0, 0f), 10, new SearchFilter(Set.of(), Set.of("s3"), Set.of("release"))))
                .extracting(IndexHit::chunkId).containsExactly("z");
    }

    @Test
    void should_score_a_vector_hit_one_plus_cosine_over_two_when_searching_by_vector() {
        index.upsert(List.of(
                chunk(KB.document("same"), "s", 0, "same direction", axis(0, 0f)),
                chunk(KB.document("orthogonal"), "o", 0, "right angle", axis(2, 0f))));

        List<IndexHit> hits = index.vectorSearch(SearchScope.of(KB), axis(0, 0f), 10, SearchFilter.none());

        assertThat(hits).extracting(IndexHit::chunkId).containsExactly("s", "o");
        assertThat(hits.get(0).score()).isCloseTo(1.0, within(1e-4));
        assertThat(hits.get(1).score()).isCloseTo(0.5, within(1e-4));
    }

    @Test
    void should_score_exactly_the_named_chunks_as_a_vector_search_does_when_asked_for_similarities() {
        DocumentRef a = KB.document("a");
        DocumentRef b = KB.document("b");
        index.upsert(List.of(
                chunk(a, "x", 0, "a x", axis(0, 0.3f)),
                chunk(a, "y", 1, "a y", axis(0, 0.6f)),
                chunk(b, "x", 0, "b x", axis(1, 0.2f)),
                chunk(b, "y", 1, "b y", axis(2, 0.1f)),
                chunk(OTHER_KB.document("a"), "x", 0, "other kb", axis(0, 0f)),
                chunk(OTHER_TENANT.document("a"), "x", 0, "other tenant", axis(0, 0f))));
        float[] query = axis(0, 0.1f);
        Map<String, Double> searched = new java.util.HashMap<>();
        for (IndexHit hit : index.vectorSearch(SearchScope.of(KB), query, 10, SearchFilter.none())) {
            searched.put(hit.document().documentId() + "/" + hit.chunkId(), hit.score());
        }

        Map<ChunkRef, Double> similarities = index.similarities(SearchScope.of(KB), query, List.of(
                new ChunkRef(a, "x"), new ChunkRef(b, "y"), new ChunkRef(a, "missing"),
                new ChunkRef(OTHER_KB.document("a"), "x"), new ChunkRef(OTHER_TENANT.document("a"), "x")));

        assertThat(similarities).containsOnlyKeys(new ChunkRef(a, "x"), new ChunkRef(b, "y"));
        assertThat(similarities.get(new ChunkRef(a, "x"))).isCloseTo(searched.get("a/x"), within(1e-6));
        assertThat(similarities.get(new ChunkRef(b, "y"))).isCloseTo(searched.get("b/y"), within(1e-6));
    }

    @Test
    void should_not_score_a_retired_version_when_asked_for_similarities() {
        DocumentRef doc = KB.document("d");
        index.upsert(List.of(versioned(doc, 1, "old", "old text")));
        index.upsert(List.of(versioned(doc, 2, "new", "new text")));
        index.retireVersionsBefore(doc, 2);

        Map<ChunkRef, Double> similarities = index.similarities(SearchScope.of(KB), axis(0, 0f),
                List.of(new ChunkRef(doc, "old"), new ChunkRef(doc, "new")));

        assertThat(similarities).containsOnlyKeys(new ChunkRef(doc, "new"));
    }

    @Test
    void should_rank_by_direction_not_length_when_vectors_are_not_unit_length() {
        float[] query = vector(30f, 40f);
        index.upsert(List.of(
                chunk(KB.document("long"), "long", 0, "long but off course", vector(400f, 300f)),
                chunk(KB.document("short"), "short", 0, "short and on course", vector(0.03f, 0.04f))));

        List<IndexHit> hits = index.vectorSearch(SearchScope.of(KB), query, 10, SearchFilter.none());

        assertThat(hits).extracting(IndexHit::chunkId).containsExactly("short", "long");
        assertThat(hits.get(0).score()).isCloseTo(1.0, within(1e-4));
        assertThat(hits.get(1).score()).isCloseTo((1 + 0.96) / 2, within(1e-4));
    }

    private static float[] vector(float x, float y) {
        float[] v = new float[DIMENSION];
        v[0] = x;
        v[1] = y;
        return v;
    }

    @Test
    void should_keep_only_documents_dated_inside_the_range_when_filtering_by_date() {
        index.upsert(List.of(
                dated("old", Instant.parse("2023-06-30T23:59:59Z")),
                dated("first-day", Instant.parse("2024-01-01T00:00:00Z")),
                dated("last-day", Instant.parse("2024-12-31T23:59:59Z")),
                dated("new", Instant.parse("2025-01-01T00:00:00Z")),
                chunk(KB.document("undated"), "u", 0, "quarterly report", axis(0, 0.05f))));
        SearchScope scope = SearchScope.of(KB);
        SearchFilter year2024 = new SearchFilter(Set.of(), Set.of(), Set.of(),
                Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2025-01-01T00:00:00Z"));
        SearchFilter since2024 = new SearchFilter(Set.of(), Set.of(), Set.of(), Instant.parse("2024-01-01T00:00:00Z"), null);

        assertThat(index.textSearch(scope, "quarterly report", 10, year2024))
                .extracting(IndexHit::chunkId).containsExactlyInAnyOrder("first-day", "last-day");
        assertThat(index.vectorSearch(scope, axis(0, 0f), 10, year2024))
                .extracting(IndexHit::chunkId).containsExactlyInAnyOrder("first-day", "last-day");
        assertThat(index.vectorSearch(scope, axis(0, 0f), 10, since2024))
                .extracting(IndexHit::chunkId).containsExactlyInAnyOrder("first-day", "last-day", "new");
        assertThat(index.textSearch(scope, "quarterly report", 10, SearchFilter.none())).hasSize(5);
    }

    private static IndexedChunk dated(String id, Instant date) {
        return new IndexedChunk(KB.document(id), id, 0, "", "quarterly report", axis(0, 0.01f), "", List.of(),
                Map.of(), date);
    }

    @Test
    void should_replace_a_chunk_when_upserted_again_with_the_same_id() {
        DocumentRef doc = KB.document("d");
        index.upsert(List.of(chunk(doc, "c0", 0, "first wording", axis(0, 0f))));

        index.upsert(List.of(chunk(doc, "c0", 0, "second wording", axis(0, 0f))));

        assertThat(index.count(SearchScope.of(KB))).isEqualTo(1);
        assertThat(index.textSearch(SearchScope.of(KB), "wording", 5, SearchFilter.none()))
                .extracting(IndexHit::text).containsExactly("second wording");
    }

    @Test
    void should_remove_only_that_documents_chunks_when_a_document_is_deleted() {
        index.upsert(List.of(
                chunk(KB.document("gone"), "g0", 0, "alpha", axis(0, 0f)),
                chunk(KB.document("gone"), "g1", 1, "beta", axis(1, 0f)),
                chunk(KB.document("kept"), "k0", 0, "gamma", axis(2, 0f)),
                chunk(OTHER_TENANT.document("gone"), "o0", 0, "delta", axis(3, 0f))));

        index.deleteDocument(KB.document("gone"));

        assertThat(index.count(SearchScope.of(KB))).isEqualTo(1);
        assertThat(index.count(SearchScope.of(OTHER_TENANT))).isEqualTo(1);
    }

    @Test
    void should_keep_only_the_newer_versions_chunks_when_retiring_older_versions() {
        DocumentRef doc = KB.document("d");
        index.upsert(List.of(versioned(doc, 1, "old-a", "old a"), versioned(doc, 1, "old-b", "old b")));
        index.upsert(List.of(versioned(doc, 2, "new-a", "new a")));

        index.retireVersionsBefore(doc, 2);

        assertThat(index.vectorSearch(SearchScope.of(KB), axis(0, 0f), 10, SearchFilter.none()))
                .extracting(IndexHit::chunkId).containsExactly("new-a");
    }

    @Test
    void should_keep_both_versions_of_a_chunk_id_when_two_versions_write_it() {
        DocumentRef doc = KB.document("d");
        index.upsert(List.of(versioned(doc, 2, "same", "newer text")));

        index.upsert(List.of(versioned(doc, 1, "same", "older text")));
        index.retireVersionsBefore(doc, 2);

        assertThat(index.textSearch(SearchScope.of(KB), "text", 10, SearchFilter.none()))
                .extracting(IndexHit::text).containsExactly("newer text");
    }

    @Test
    void should_never_remove_a_newer_version_when_an_older_writer_retires_its_predecessors() {
        DocumentRef doc = KB.document("d");
        index.upsert(List.of(versioned(doc, 3, "n", "newest"), versioned(doc, 1, "o", "oldest")));

        index.retireVersionsBefore(doc, 2);

        assertThat(index.chunkKeys(doc)).extracting(ChunkKey::version, ChunkKey::chunkId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, "n"));
    }

    @Test
    void should_list_every_chunk_key_of_a_knowledge_base_when_asked_for_keys() {
        List<IndexedChunk> chunks = new ArrayList<>();
        for (int i = 0; i < 1_205; i++) {
            chunks.add(versioned(KB.document("doc-" + i % 7), 4, "c" + i, "text " + i));
        }
        index.upsert(chunks);
        index.upsert(List.of(versioned(OTHER_KB.document("doc-0"), 1, "elsewhere", "text"),
                versioned(OTHER_TENANT.document("doc-0"), 1, "foreign", "text")));

        List<ChunkKey> keys = index.chunkKeys(KB);

        assertThat(keys).hasSize(1_205).doesNotHaveDuplicates()
                .allSatisfy(key -> assertThat(key.version()).isEqualTo(4))
                .allSatisfy(key -> assertThat(key.document().knowledgeBase()).isEqualTo(KB));
        assertThat(index.chunkKeys(KB.document("doc-3"))).hasSize(172)
                .allSatisfy(key -> assertThat(key.document()).isEqualTo(KB.document("doc-3")));
    }

    @Test
    void should_keep_a_documents_chunks_when_the_index_is_reopened_without_closing_after_its_write_ended() {
        DocumentRef doc = KB.document("d");
        index.upsert(List.of(versioned(doc, 1, "a", "durable text")));
        index.retireVersionsBefore(doc, 1);

        try (VectorIndex reopened = reopenWithoutClosing(DIMENSION)) {
            assertThat(reopened.chunkKeys(doc)).extracting(ChunkKey::chunkId).containsExactly("a");
        }
    }

    /**
     * A second view of the same index as a process would see it after a crash of the first: for
     * embedded indexes only what was committed to the directory, for a server the server's state.
     */
    protected abstract VectorIndex reopenWithoutClosing(int dimension);

    protected static IndexedChunk versioned(DocumentRef doc, long version, String id, String text) {
        return new IndexedChunk(doc, id, 0, "", text, List.of(), axis(Math.floorMod(id.hashCode(), DIMENSION), 0.01f),
                "", List.of(), Map.of(), null, version);
    }

    @Test
    void should_refuse_a_batch_with_a_vector_of_the_wrong_dimension_and_write_none_of_it() {
        List<IndexedChunk> batch = List.of(
                chunk(KB.document("d"), "ok", 0, "fine", axis(0, 0f)),
                chunk(KB.document("d"), "bad", 1, "wrong", new float[DIMENSION + 1]));

        assertThatThrownBy(() -> index.upsert(batch))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("bad")
                .hasMessageContaining("dimension " + (DIMENSION + 1))
                .hasMessageContaining("expects " + DIMENSION);
        assertThat(index.count(SearchScope.of(KB))).isZero();
    }

    @Test
    void should_refuse_a_query_vector_of_the_wrong_dimension() {
        assertThatThrownBy(() -> index.vectorSearch(SearchScope.of(KB), new float[3], 5, SearchFilter.none()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("dimension 3");
    }

    @Test
    void should_refuse_an_oversized_chunk_and_write_none_of_its_batch() {
        List<IndexedChunk> batch = List.of(
                chunk(KB.document("d"), "ok", 0, "fine", axis(0, 0f)),
                chunk(KB.document("d"), "huge", 1, "y".repeat((int) VectorIndex.MAX_CHUNK_BYTES), axis(1, 0f)));

        assertThatThrownBy(() -> index.upsert(batch)).isInstanceOf(TooLargeException.class).hasMessageContaining("huge");
        assertThat(index.count(SearchScope.of(KB))).isZero();
    }

    @Test
    void should_find_nothing_when_the_text_query_has_only_stop_words_or_symbols() {
        index.upsert(List.of(chunk(KB.document("d"), "c", 0, "the and of", axis(0, 0f))));

        assertThat(index.textSearch(SearchScope.of(KB), "*:* OR \"", 5, SearchFilter.none())).isEmpty();
    }

    @Test
    void should_find_chunks_written_in_many_batches() {
        Random random = new Random(42);
        List<IndexedChunk> all = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            all.add(chunk(KB.document("doc-" + i / 10), "c" + i, i % 10, "passage number " + i, randomVector(random)));
        }
        for (int from = 0; from < all.size(); from += 100) {
            index.upsert(all.subList(from, from + 100));
        }

        IndexedChunk target = all.get(123);
        List<IndexHit> hits = index.vectorSearch(SearchScope.of(KB), target.vector(), 3, SearchFilter.none());

        assertThat(index.count(SearchScope.of(KB))).isEqualTo(300);
        assertThat(hits.get(0).chunkId()).isEqualTo("c123");
    }

    protected static IndexedChunk chunk(DocumentRef doc, String id, int position, String text, float[] vector) {
        return new IndexedChunk(doc, id, position, "", text, vector, "", List.of(), Map.of());
    }

    /** A unit vector along one axis, tilted slightly towards the next so vectors are distinct. */
    protected static float[] axis(int axis, float tilt) {
        float[] v = new float[DIMENSION];
        v[axis % DIMENSION] = 1f;
        v[(axis + 1) % DIMENSION] = tilt;
        return v;
    }

    protected static float[] randomVector(Random random) {
        float[] v = new float[DIMENSION];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }
}
