package dev.ragfn.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ragfn.core.domain.Chunk;
import dev.ragfn.core.domain.Document;
import dev.ragfn.core.domain.DocumentRef;
import dev.ragfn.core.domain.KnowledgeBaseRef;
import dev.ragfn.core.json.Json;
import dev.ragfn.core.port.DocumentStore;
import dev.ragfn.store.mvstore.MvStoreDocumentStore;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MvStoreDocumentStoreTest extends DocumentStoreContract {

    @TempDir
    Path dir;

    @Override
    protected DocumentStore newStore() {
        return MvStoreDocumentStore.open(dir);
    }

    /** The JSON of the records as they were: no tags, date or heading path properties. */
    @Override
    protected void storeInFormerShape(Document document, List<Chunk> chunks) {
        store.close();
        try (MVStore raw = new MVStore.Builder().fileName(dir.resolve("documents.mv.db").toString()).open()) {
            MVMap<String, String> documents = raw.openMap("documents");
            MVMap<String, String> chunkMap = raw.openMap("chunks");
            documents.put(key(document.ref()), former(document, "tags", "date"));
            for (Chunk chunk : chunks) {
                chunkMap.put(key(document.ref()) + '\u0000' + chunk.id(), former(chunk, "headingPath"));
            }
            raw.commit();
        }
        store = MvStoreDocumentStore.open(dir);
    }

    private static String key(DocumentRef ref) {
        return ref.tenant() + '\u0000' + ref.knowledgeBase().knowledgeBase() + '\u0000' + ref.documentId();
    }

    private static String former(Object record, String... newFields) {
        ObjectNode json = Json.mapper().valueToTree(record);
        json.remove(List.of(newFields));
        return json.toString();
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
