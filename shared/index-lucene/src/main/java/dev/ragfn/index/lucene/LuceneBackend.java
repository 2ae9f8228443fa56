package dev.ragfn.index.lucene;

import dev.ragfn.core.config.RagfnConfig;
import dev.ragfn.core.port.VectorIndex;
import dev.ragfn.runtime.IndexBackend;

/** ragfn.index=lucene: an in-process index under ragfn.data-dir. */
public final class LuceneBackend implements IndexBackend {

    @Override
    public RagfnConfig.IndexKind kind() {
        return RagfnConfig.IndexKind.LUCENE;
    }

    @Override
    public VectorIndex open(RagfnConfig config) {
        return LuceneVectorIndex.open(config.dataDir().resolve("index"), config.embedding().dimension());
    }

    @Override
    public String describe(RagfnConfig config) {
        return "lucene (" + config.dataDir().resolve("index").toAbsolutePath() + ")";
    }

    @Override
    public String name(RagfnConfig config) {
        return "lucene (index)";
    }
}
