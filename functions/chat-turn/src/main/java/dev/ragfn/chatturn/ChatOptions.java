package dev.ragfn.chatturn;

import dev.ragfn.core.port.VectorIndex;
import dev.ragfn.retrieve.RetrieveMode;

/** Per-request choices; null fields fall back to the configuration. */
public record ChatOptions(Integer topK, RetrieveMode mode) {

    public static final ChatOptions DEFAULTS = new ChatOptions(null, null);

    public ChatOptions {
        if (topK != null) {
            VectorIndex.validateK(topK);
        }
    }
}
