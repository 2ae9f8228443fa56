package dev.ragfn.store;

import dev.ragfn.core.domain.KnowledgeBaseRef;
import dev.ragfn.core.port.DocumentStore;
import dev.ragfn.store.mvstore.MvStoreDocumentStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class MvStoreDocumentStoreTest extends DocumentStoreContract {

    @TempDir
    Path dir;

    @Override
    protected DocumentStore newStore() {
        return MvStoreDocumentStore.open(dir);
    }

    @Test
    void should_keep_data_when_reopened_from_its_directory() {
        KnowledgeBaseRef ref = new KnowledgeBaseRef("acme", "kept");
        store.createKnowledgeBase(knowledgeBase(ref, 8));
        store.putDocument(document(ref.document("d")));
        store.close();

        try (DocumentStore reopened = MvStoreDocumentStore.open(dir)) {
            assertThat(reopened.findDocument(ref.document("d"))).isPresent();
        }
    }
}
