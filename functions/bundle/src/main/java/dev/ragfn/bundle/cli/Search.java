package dev.ragfn.bundle.cli;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.ragfn.core.port.IndexHit;
import dev.ragfn.core.port.SearchFilter;
import dev.ragfn.core.port.SearchScope;
import dev.ragfn.core.port.VectorIndex;
import dev.ragfn.embedding.QueryEmbeddingModel;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Prints the passages nearest to a question, numbered as an answer would cite them. */
@ApplicationScoped
public class Search {

    private final VectorIndex index;
    private final EmbeddingModel model;

    public Search(VectorIndex index, EmbeddingModel model) {
        this.index = index;
        this.model = model;
    }

    public int run(String question, String tenant, String kb, int k) {
        List<IndexHit> hits = index.vectorSearch(SearchScope.of(tenant, kb), QueryEmbeddingModel.embedQuery(model, question),
                k, SearchFilter.none());
        if (hits.isEmpty()) {
            System.out.println("   nothing found in knowledge base " + tenant + "/" + kb + "; ingest documents first");
            return 1;
        }
        for (int i = 0; i < hits.size(); i++) {
            IndexHit hit = hits.get(i);
            System.out.printf("   [%d] %s (%s, chunk %d, score %.3f)%n       %s%n", i + 1, hit.title(),
                    hit.document().documentId(), hit.position(), hit.score(), snippet(hit.searchText()));
        }
        return 0;
    }

    private static String snippet(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() > 220 ? flat.substring(0, 217) + "..." : flat;
    }
}
