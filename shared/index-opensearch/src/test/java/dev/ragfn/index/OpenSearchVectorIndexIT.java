package dev.ragfn.index;

import dev.ragfn.core.config.RagfnConfig;
import dev.ragfn.core.error.ConflictException;
import dev.ragfn.core.port.VectorIndex;
import dev.ragfn.index.opensearch.OpenSearchVectorIndex;
import dev.ragfn.testing.InfraServer;
import dev.ragfn.testing.TestConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

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
