package dev.ragfn.chatturn;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.ragfn.core.domain.DocumentRef;
import dev.ragfn.core.port.IndexedChunk;
import dev.ragfn.core.port.VectorIndex;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A small handbook indexed for one tenant in a fresh knowledge base, embedded by the real model. */
final class Handbook {

    private Handbook() {
    }

    /** Indexes the handbook for {@code tenant} and returns the new knowledge base's name. */
    static String index(VectorIndex index, EmbeddingModel model, String tenant) {
        String kb = "kb-" + UUID.randomUUID().toString().substring(0, 8);
        upsert(index, model, tenant, kb, "vacation.md", "Vacation policy", List.of("Handbook", "Time off"),
                "Employees get 25 days of paid vacation per year. Unused vacation days carry over until March. "
                        + "Vacation requests are approved by your manager in the HR portal.");
        upsert(index, model, tenant, kb, "vpn.md", "Remote access", List.of(),
                "Remote staff connect through the WireGuard VPN. Request a VPN profile under ticket type ACC-7.");
        upsert(index, model, tenant, kb, "expenses.md", "Expense reports", List.of(),
                "Expense reports are due by the fifth working day of the following month. "
                        + "Attach the receipts to every expense report.");
        return kb;
    }

    private static void upsert(VectorIndex index, EmbeddingModel model, String tenant, String kb, String documentId,
                               String title, List<String> headingPath, String text) {
        float[] vector = model.embed(TextSegment.from(title + "\n" + text)).content().vector();
        index.upsert(List.of(new IndexedChunk(DocumentRef.of(tenant, kb, documentId), "c0", 0, title, text,
                headingPath, vector, "file:docs/" + documentId, List.of(), Map.of(), null, 0)));
    }
}
