package dev.ragfn.retrieve;

import dev.ragfn.core.domain.ChunkRef;
import dev.ragfn.core.domain.DocumentRef;
import dev.ragfn.core.domain.HeadingPath;

import java.util.List;
import java.util.Map;

/**
 * One retrieved chunk: its text and the headings of the section it comes from. {@code score} is
 * the BM25 or cosine score of a single-mode search, the fused score in hybrid mode, or the
 * reranker's score; {@code ranks} gives the 1-based rank the chunk had in each search that found
 * it, to explain why it is here. {@code similarity} is the cosine similarity of the query and the
 * chunk when the vector search found it, else null: unlike fused scores, it says how well the
 * passage matches.
 */
public record Passage(String knowledgeBase, String documentId, String title, String source, String chunkId,
                      int position, double score, Map<RetrieveMode, Integer> ranks, String text,
                      List<String> headingPath, Double similarity) {

    public Passage {
        headingPath = HeadingPath.copy(headingPath);
    }

    /** The chunk this passage is, for the tenant it was retrieved for. */
    public ChunkRef ref(String tenant) {
        return new ChunkRef(DocumentRef.of(tenant, knowledgeBase, documentId), chunkId);
    }

    /** What the index ranked and embedded: see {@link HeadingPath#searchText}. */
    public String searchText() {
        return HeadingPath.searchText(headingPath, text);
    }

    public Passage withScore(double newScore) {
        return new Passage(knowledgeBase, documentId, title, source, chunkId, position, newScore, ranks, text,
                headingPath, similarity);
    }

    public Passage withSimilarity(Double cosine) {
        return new Passage(knowledgeBase, documentId, title, source, chunkId, position, score, ranks, text,
                headingPath, cosine);
    }
}
