package dev.ragfn.index.opensearch;

import dev.ragfn.core.config.RagfnConfig;
import dev.ragfn.core.port.VectorIndex;
import dev.ragfn.runtime.IndexBackend;

/** ragfn.index=opensearch: one index of every tenant's chunks on the cluster at ragfn.opensearch.url. */
public final class OpenSearchBackend implements IndexBackend {

    @Override
    public RagfnConfig.IndexKind kind() {
        return RagfnConfig.IndexKind.OPENSEARCH;
    }

    @Override
    public VectorIndex open(RagfnConfig config) {
        return OpenSearchVectorIndex.create(config.opensearch(), config.embedding().dimension());
    }

    @Override
    public String describe(RagfnConfig config) {
        return "opensearch (" + config.opensearch().url() + ", index " + config.opensearch().indexName() + ")";
    }

    @Override
    public String name(RagfnConfig config) {
        return "opensearch (index " + config.opensearch().indexName() + ")";
    }
}
