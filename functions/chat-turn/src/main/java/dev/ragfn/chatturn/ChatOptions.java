package dev.ragfn.chatturn;

import dev.ragfn.core.domain.Ids;
import dev.ragfn.core.port.VectorIndex;
import dev.ragfn.retrieve.RetrieveMode;

import java.util.List;

/**
 * Per-request choices; null fields fall back to the configuration. {@code toolKnowledgeBases}
 * names more knowledge bases of the request's tenant that the model may search with
 * search_knowledge_base, besides the request's own and those of ragfn.chat.tools.knowledge-bases.
 */
public record ChatOptions(Integer topK, RetrieveMode mode, List<String> toolKnowledgeBases) {

    public static final ChatOptions DEFAULTS = new ChatOptions(null, null, null);

    public ChatOptions {
        if (topK != null) {
            VectorIndex.validateK(topK);
        }
        toolKnowledgeBases = toolKnowledgeBases == null ? List.of() : List.copyOf(toolKnowledgeBases);
        toolKnowledgeBases.forEach(kb -> Ids.name("toolKnowledgeBases entry", kb));
    }
}
