package dev.ragfn.bundle;

import dev.ragfn.bundle.cli.IngestBenchmark;
import dev.ragfn.core.domain.Document;
import dev.ragfn.core.domain.DocumentStatus;
import dev.ragfn.core.domain.KnowledgeBaseRef;
import dev.ragfn.core.port.DocumentStore;
import dev.ragfn.core.port.SearchScope;
import dev.ragfn.core.port.VectorIndex;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The ingestion benchmark of benchmarks/README.md: it must ingest its whole corpus and leave nothing of its warm-up behind. */
@QuarkusTest
class IngestBenchmarkTest {

    @Inject
    IngestBenchmark benchmark;
    @Inject
    DocumentStore store;
    @Inject
    VectorIndex index;

    @Test
    void should_index_every_generated_document_and_remove_the_warm_up_when_benchmarking_ingestion() {
        String kb = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        Path dir = Path.of("target/test-samples", kb);

        int exitCode = benchmark.run(dir, 10, "acme", kb);

        assertThat(exitCode).isZero();
        KnowledgeBaseRef timed = new KnowledgeBaseRef("acme", kb);
        assertThat(store.listDocuments(timed)).hasSize(10).extracting(Document::status)
                .containsOnly(DocumentStatus.INDEXED);
        assertThat(index.count(SearchScope.of(timed))).isGreaterThanOrEqualTo(30);
        KnowledgeBaseRef warmUp = new KnowledgeBaseRef("acme", kb + "-warmup");
        assertThat(store.findKnowledgeBase(warmUp)).isEmpty();
        assertThat(store.listDocuments(warmUp)).isEmpty();
        assertThat(index.count(SearchScope.of(warmUp))).isZero();
    }
}
