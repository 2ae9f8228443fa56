package dev.ragfn.runtime;

import dev.ragfn.core.config.RagfnConfig;
import dev.ragfn.core.port.VectorIndex;

/**
 * The index of one technology. Each index module registers one (META-INF/services), so a package
 * offers the indexes of the modules it includes, and {@code ragfn.index} picks one of them.
 */
public interface IndexBackend {

    /** The value of {@code ragfn.index} that selects this backend. */
    RagfnConfig.IndexKind kind();

    VectorIndex open(RagfnConfig config);

    /** A one-line description for start-up logs: where the index lives. */
    String describe(RagfnConfig config);

    /** What health data shows: the technology and the index's name. */
    String name(RagfnConfig config);
}
