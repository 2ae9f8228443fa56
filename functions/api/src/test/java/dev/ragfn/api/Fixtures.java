package dev.ragfn.api;

import dev.ragfn.core.domain.Document;
import dev.ragfn.core.domain.DocumentRef;
import dev.ragfn.core.domain.DocumentStatus;
import dev.ragfn.core.domain.KnowledgeBase;
import dev.ragfn.core.domain.KnowledgeBaseRef;
import dev.ragfn.core.port.DocumentStore;
import dev.ragfn.core.port.IndexedChunk;
import dev.ragfn.core.port.VectorIndex;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/** Knowledge bases and documents put straight into the API's stores, each under fresh names. */
final class Fixtures {

    static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");

    private Fixtures() {
    }

    static String fresh(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static KnowledgeBaseRef knowledgeBase(DocumentStore store, String tenant) {
        KnowledgeBaseRef ref = new KnowledgeBaseRef(tenant, fresh("kb"));
        store.createKnowledgeBase(new KnowledgeBase(ref, "Handbook", "", 384, NOW));
        return ref;
    }

    /** A document with {@code chunks} chunks in the store's record and, when an index is given, in the index. */
    static Document document(DocumentStore store, VectorIndex index, DocumentRef ref, DocumentStatus status,
                             String reason, int chunks) {
        Document stored = store.putNewVersion(new Document(ref, "Title of " + ref.documentId(),
                "https://docs.example.com/" + ref.documentId(), "text/markdown", "sha256:" + ref.documentId(), status,
                reason, chunks, List.of("handbook", "hr, benefits"), Instant.parse("2026-11-30T00:00:00Z"), Map.of(),
                NOW, 0));
        if (index != null && chunks > 0) {
            float[] vector = new float[384];
            vector[0] = 1;
            index.upsert(IntStream.range(0, chunks).mapToObj(i -> new IndexedChunk(ref, "c" + i, i,
                    stored.title(), "text " + i, List.of(), vector, stored.source(), stored.tags(), Map.of(),
                    stored.date(), stored.version())).toList());
        }
        return stored;
    }
}
