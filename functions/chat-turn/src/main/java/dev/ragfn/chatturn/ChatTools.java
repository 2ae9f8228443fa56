package dev.ragfn.chatturn;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.ragfn.core.domain.Ids;
import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.retrieve.RetrieveService;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the model may be offered when ragfn.chat.tools.enabled: the built-in search over knowledge
 * bases of the turn's tenant (the request's own, the request's toolKnowledgeBases, and
 * ragfn.chat.tools.knowledge-bases), and the tools of the configured MCP servers. A turn with an
 * assistant is offered only the tools the assistant allows, among these.
 */
final class ChatTools {

    private final ToolsConfig config;
    private final List<String> configuredKnowledgeBases;
    private final McpServers mcp;
    private final RetrieveService retrieve;
    private final EmbeddingModel embeddings;
    private final double minRelevance;

    ChatTools(ToolsConfig config, McpServers mcp, RetrieveService retrieve, EmbeddingModel embeddings,
              double minRelevance) {
        atLeastOne("ragfn.chat.tools.max-rounds", config.maxRounds());
        atLeastOne("ragfn.chat.tools.max-calls-per-round", config.maxCallsPerRound());
        atLeastOne("ragfn.chat.tools.max-result-chars", config.maxResultChars());
        this.config = config;
        this.configuredKnowledgeBases = config.knowledgeBases().orElse(List.of()).stream()
                .map(kb -> Ids.name("ragfn.chat.tools.knowledge-bases entry", kb)).toList();
        this.mcp = mcp;
        this.retrieve = retrieve;
        this.embeddings = embeddings;
        this.minRelevance = minRelevance;
    }

    int maxRounds() {
        return config.maxRounds();
    }

    /**
     * The tools of one turn: those its plan allows, searching the knowledge bases it may read through the turn's
     * {@code retrieval} gate; null when it allows none.
     */
    TurnTools forTurn(TurnPlan plan, CitedPassages cited, int topK, RetrievalGate.Turn retrieval) {
        Set<String> searchable = new LinkedHashSet<>(plan.knowledgeBases());
        int own = searchable.size();
        searchable.addAll(plan.toolKnowledgeBases());
        if (plan.configuredToolKnowledgeBases()) {
            searchable.addAll(configuredKnowledgeBases);
        }
        List<ChatTool> offered = new ArrayList<>();
        offered.add(new KnowledgeBaseSearchTool(plan.tenant(), List.copyOf(searchable), retrieve, embeddings, topK,
                minRelevance, cited, retrieval));
        offered.addAll(mcp.tools());
        List<ChatTool> tools = plan.tools() == null ? offered
                : offered.stream().filter(plan.tools()::offers).toList();
        if (tools.isEmpty()) {
            return null;
        }
        boolean searches = tools.stream().anyMatch(tool -> tool instanceof KnowledgeBaseSearchTool);
        boolean reachesBeyond = searches && searchable.size() > own
                || tools.stream().anyMatch(tool -> !(tool instanceof KnowledgeBaseSearchTool));
        return new TurnTools(tools, reachesBeyond, plan.tenant(), plan.firstKnowledgeBase(), plan.shield(), cited,
                config.maxCallsPerRound(), config.maxResultChars());
    }

    private static void atLeastOne(String key, int value) {
        if (value < 1) {
            throw new InvalidInputException(key + " is " + value + " but must be at least 1; "
                    + "to offer no tools, set ragfn.chat.tools.enabled=false");
        }
    }
}
