package dev.ragfn.bundle;

import dev.ragfn.bundle.cli.BulkIngest;
import dev.ragfn.core.domain.DocumentRef;
import dev.ragfn.core.domain.DocumentStatus;
import dev.ragfn.core.port.DocumentStore;
import dev.ragfn.core.port.SearchFilter;
import dev.ragfn.core.port.SearchScope;
import dev.ragfn.core.port.VectorIndex;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's bulk ingestion, through the local broker and the same functions the platform runs. */
@QuarkusTest
class BulkIngestTest {

    private static final Path ROOT = Path.of("target/test-samples");

    @Inject
    BulkIngest bulkIngest;
    @Inject
    DocumentStore store;
    @Inject
    VectorIndex index;
    @Inject
    EmbeddingModel model;

    private Path dir;

    @BeforeEach
    void copySamples() throws IOException {
        dir = ROOT.resolve(UUID.randomUUID().toString());
        Files.createDirectories(dir);
        try (Stream<Path> samples = Files.list(Path.of(System.getProperty("repo.root", "../.."), "samples"))) {
            for (Path sample : samples.toList()) {
                Files.copy(sample, dir.resolve(sample.getFileName()));
            }
        }
    }

    @Test
    void should_index_every_sample_and_find_the_answer_when_a_directory_is_ingested() {
        String kb = kb();

        BulkIngest.Report report = bulkIngest.run(dir, "acme", kb);

        assertThat(report.files()).isEqualTo(4);
        assertThat(report.indexed()).isEqualTo(4);
        assertThat(report.failures()).isEmpty();
        assertThat(store.findDocument(DocumentRef.of("acme", kb, "employee-handbook.md")).orElseThrow().status())
                .isEqualTo(DocumentStatus.INDEXED);
        var hits = index.vectorSearch(SearchScope.of("acme", kb),
                model.embed("how many vacation days?").content().vector(), 1, SearchFilter.none());
        assertThat(hits.getFirst().document().documentId()).isEqualTo("employee-handbook.md");
    }

    @Test
    void should_report_the_reason_and_index_the_rest_when_one_file_is_corrupt() throws IOException {
        Files.write(dir.resolve("broken.pdf"), "%PDF-1.7\n1 0 obj << /Type /Catalog".getBytes());
        String kb = kb();

        BulkIngest.Report report = bulkIngest.run(dir, "acme", kb);

        assertThat(report.indexed()).isEqualTo(4);
        assertThat(report.failures()).singleElement().asString().startsWith("broken.pdf: ").containsIgnoringCase("pdf");
        assertThat(store.findDocument(DocumentRef.of("acme", kb, "broken.pdf")).orElseThrow().status())
                .isEqualTo(DocumentStatus.FAILED);
        assertThat(report.exitCode()).isEqualTo(1);
    }

    @Test
    void should_find_everything_unchanged_when_the_same_directory_is_ingested_again() {
        String kb = kb();
        bulkIngest.run(dir, "acme", kb);
        long chunks = index.count(SearchScope.of("acme", kb));

        BulkIngest.Report again = bulkIngest.run(dir, "acme", kb);

        assertThat(again.unchanged()).isEqualTo(4);
        assertThat(index.count(SearchScope.of("acme", kb))).isEqualTo(chunks);
    }

    private static String kb() {
        return "kb-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
