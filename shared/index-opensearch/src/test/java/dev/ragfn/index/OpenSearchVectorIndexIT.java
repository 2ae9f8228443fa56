package dev.ragfn.index;

import dev.ragfn.core.config.RagfnConfig;
import dev.ragfn.core.error.ConflictException;
import dev.ragfn.core.domain.KnowledgeBaseRef;
import dev.ragfn.core.port.IndexHit;
import dev.ragfn.core.port.IndexedChunk;
import dev.ragfn.core.port.SearchFilter;
import dev.ragfn.core.port.SearchScope;
import dev.ragfn.core.port.VectorIndex;
import dev.ragfn.index.opensearch.OpenSearchVectorIndex;
import dev.ragfn.testing.InfraServer;
import dev.ragfn.testing.TestConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The contract against a real OpenSearch node with the k-NN plugin, with a fresh index per test. */
class OpenSearchVectorIndexIT extends VectorIndexContract {

    private static final AtomicInteger INDEXES = new AtomicInteger();
    private String indexName;

    @Override
    protected VectorIndex newIndex(int dimension) {
        indexName = "it-" + ProcessHandle.current().pid() + "-" + INDEXES.incrementAndGet();
        return OpenSearchVectorIndex.create(config(indexName), dimension);
    }

    @AfterAll
    static void deleteIndexes() {
        InfraServer.deleteOpenSearchIndexes("it-" + ProcessHandle.current().pid() + "-*");
    }

    @Test
    void should_refuse_to_open_an_existing_index_when_its_dimension_differs() {
        assertThatThrownBy(() -> OpenSearchVectorIndex.create(config(indexName), DIMENSION * 2))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("dimension " + DIMENSION)
                .hasMessageContaining(String.valueOf(DIMENSION * 2));
    }

    @Test
    void should_rank_a_chunks_heading_path_as_text_when_its_index_was_created_before_heading_paths_were_a_field()
            throws Exception {
        // given an index with the mapping it had before
        String former = indexName + "-former";
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(InfraServer.openSearch() + "/" + former))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(FORMER_MAPPING))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);

        // when it is opened and a chunk with a heading path is written
        try (VectorIndex opened = OpenSearchVectorIndex.create(config(former), DIMENSION)) {
            opened.upsert(List.of(new IndexedChunk(new KnowledgeBaseRef("acme", "handbook").document("h.md"), "h", 0,
                    "Handbook", "Staff take twenty five days a year.", List.of("Handbook", "Time off"), axis(0, 0f),
                    "", List.of(), Map.of(), null, 1)));

            // then its headings are ranked as text
            List<IndexHit> hits = opened.textSearch(SearchScope.of("acme", "handbook"), "time off", 5,
                    SearchFilter.none());
            assertThat(hits).extracting(IndexHit::chunkId).containsExactly("h");
            assertThat(hits.get(0).headingPath()).containsExactly("Handbook", "Time off");
        }
    }

    /** The mapping OpenSearchVectorIndex created before heading paths were a field. */
    private static final String FORMER_MAPPING = """
            {"settings": {"index": {"knn": true, "number_of_shards": 1, "number_of_replicas": 0}},
             "mappings": {"properties": {
               "tenant": {"type": "keyword"}, "knowledge_base": {"type": "keyword"},
               "document_id": {"type": "keyword"}, "chunk_id": {"type": "keyword"}, "position": {"type": "integer"},
               "title": {"type": "text", "analyzer": "english"}, "text": {"type": "text", "analyzer": "english"},
               "source": {"type": "keyword"}, "tags": {"type": "keyword"},
               "metadata": {"type": "object", "enabled": false},
               "date": {"type": "date", "format": "epoch_millis"}, "version": {"type": "long"},
               "vector": {"type": "knn_vector", "dimension": 16, "method": {"name": "hnsw", "engine": "lucene",
                 "space_type": "cosinesimil", "parameters": {"m": 16, "ef_construction": 128}}}}}}
            """;

    @Override
    protected VectorIndex reopenWithoutClosing(int dimension) {
        return OpenSearchVectorIndex.create(config(indexName), dimension);
    }

    private static RagfnConfig.OpenSearch config(String indexName) {
        return TestConfig.of(Map.of(
                "ragfn.opensearch.url", InfraServer.openSearch(),
                "ragfn.opensearch.index-name", indexName)).opensearch();
    }
}
