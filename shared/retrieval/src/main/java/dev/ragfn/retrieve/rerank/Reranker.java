package dev.ragfn.retrieve.rerank;

import dev.ragfn.retrieve.Passage;

import java.util.List;

/** Re-orders retrieved passages with a finer, slower relevance model than the first-stage searches. */
public interface Reranker {

    /** The same passages, re-scored for the query, best first. */
    List<Passage> rerank(String query, List<Passage> passages);
}
