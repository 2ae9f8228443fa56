package dev.ragfn.retrieve;

import dev.ragfn.core.port.IndexHit;

import java.util.List;
import java.util.Map;

/** How hybrid search merges its BM25 and vector rankings into one (ragfn.retrieve.fusion). */
public interface HybridFusion {

    List<Passage> fuse(Map<RetrieveMode, List<IndexHit>> rankings);

    enum Kind { RRF, CONVEX }
}
