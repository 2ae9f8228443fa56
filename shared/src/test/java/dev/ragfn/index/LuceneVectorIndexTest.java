package dev.ragfn.index;

import dev.ragfn.core.domain.DocumentRef;
import dev.ragfn.core.port.SearchFilter;
import dev.ragfn.core.port.SearchScope;
import dev.ragfn.core.port.VectorIndex;
import dev.ragfn.index.lucene.LuceneVectorIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LuceneVectorIndexTest extends VectorIndexContract {

    @TempDir
    Path dir;

    @Override
    protected VectorIndex newIndex(int dimension) {
        return LuceneVectorIndex.open(dir, dimension);
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
}
