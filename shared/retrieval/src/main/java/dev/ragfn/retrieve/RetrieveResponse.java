package dev.ragfn.retrieve;

import java.util.List;

/** The best passages, best first, with the mode used and whether a reranker ordered them. */
public record RetrieveResponse(RetrieveMode mode, boolean reranked, List<Passage> passages) {
}
