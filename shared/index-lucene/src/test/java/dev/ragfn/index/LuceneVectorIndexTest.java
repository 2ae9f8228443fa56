package dev.ragfn.index;

import dev.ragfn.core.domain.DocumentRef;
import dev.ragfn.core.port.SearchFilter;
import dev.ragfn.core.port.SearchScope;
import dev.ragfn.core.port.VectorIndex;
import dev.ragfn.index.lucene.LuceneVectorIndex;
import dev.ragfn.core.port.IndexHit;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LuceneVectorIndexTest extends VectorIndexContract {

    @TempDir
    Path dir;

    @TempDir
    Path crashCopy;

    @Override
    protected VectorIndex newIndex(int dimension) {
        return LuceneVectorIndex.open(dir, dimension);
    }

    /** Copies the directory as it is on disk while the index stays open: what a restart after kill -9 finds. */
    @Override
    protected VectorIndex reopenWithoutClosing(int dimension) {
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.copy(file, crashCopy.resolve(file.getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return LuceneVectorIndex.open(crashCopy, dimension);
    }

    @Test
    void should_keep_chunks_when_reopened_from_its_directory() {
        DocumentRef doc = DocumentRef.of("acme", "kept", "d");
        index.upsert(List.of(chunk(doc, "c0", 0, "persisted text", axis(0, 0f))));
        index.close();

        try (VectorIndex reopened = LuceneVectorIndex.open(dir, DIMENSION)) {
            assertThat(reopened.textSearch(SearchScope.of(doc.knowledgeBase()), "persisted", 1, SearchFilter.none()))
                    .hasSize(1);
        }
        index = LuceneVectorIndex.inMemory(DIMENSION);
    }

    /** Indexes written before the switch to dot products of unit vectors hold a COSINE field. */
    @Test
    void should_keep_indexing_and_scoring_an_index_created_with_lucene_cosine() throws IOException {
        index.close();
        Path old = dir.resolve("cosine");
        try (IndexWriter writer = new IndexWriter(FSDirectory.open(old), new IndexWriterConfig())) {
            Document doc = new Document();
            doc.add(new KnnFloatVectorField("vector", axis(5, 0f), VectorSimilarityFunction.COSINE));
            writer.addDocument(doc);
        }
        DocumentRef doc = DocumentRef.of("acme", "old", "d");

        index = LuceneVectorIndex.open(old, DIMENSION);
        index.upsert(List.of(chunk(doc, "c0", 0, "written after the upgrade", axis(0, 0.5f))));

        List<IndexHit> hits = index.vectorSearch(SearchScope.of(doc.knowledgeBase()), axis(0, 0f), 1, SearchFilter.none());
        assertThat(hits).extracting(IndexHit::chunkId).containsExactly("c0");
        assertThat(hits.get(0).score()).isCloseTo((1 + 1 / Math.sqrt(1.25)) / 2, within(1e-4));
    }
}
