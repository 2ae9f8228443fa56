package dev.ragfn.chatturn;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.ragfn.core.domain.Ids;
import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.retrieve.RetrieveService;
import dev.ragfn.shield.Shield;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the model may be offered when ragfn.chat.tools.enabled: the built-in search over knowledge
 * bases of the turn's tenant (the request's own, the request's toolKnowledgeBases, and
 * ragfn.chat.tools.knowledge-bases), and the tools of the configured MCP servers.
 */
final class ChatTools {

    private final ToolsConfig config;
    private final List<String> configuredKnowledgeBases;
    private final McpServers mcp;
    private final RetrieveService retrieve;
    private final EmbeddingModel embeddings;
    private final Shield shield;
    private final double minRelevance;

    ChatTools(ToolsConfig config, McpServers mcp, RetrieveService retrieve, EmbeddingModel embeddings, Shield shield,
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
        this.shield = shield;
        this.minRelevance = minRelevance;
    }

    int maxRounds() {
        return config.maxRounds();
    }

    TurnTools forTurn(ChatTurnRequest request, CitedPassages cited, int topK) {
        Set<String> searchable = new LinkedHashSet<>(request.knowledgeBases());
        int own = searchable.size();
        searchable.addAll(request.options().toolKnowledgeBases());
        searchable.addAll(configuredKnowledgeBases);
        List<ChatTool> tools = new ArrayList<>();
        tools.add(new KnowledgeBaseSearchTool(request.tenant(), List.copyOf(searchable), retrieve, embeddings, topK,
                minRelevance, cited));
        tools.addAll(mcp.tools());
        boolean reachesBeyond = searchable.size() > own || tools.size() > 1;
        return new TurnTools(tools, reachesBeyond, request.tenant(), request.knowledgeBases().getFirst(), shield, cited,
                config.maxCallsPerRound(), config.maxResultChars());
    }

    private static void atLeastOne(String key, int value) {
        if (value < 1) {
            throw new InvalidInputException(key + " is " + value + " but must be at least 1; "
                    + "to offer no tools, set ragfn.chat.tools.enabled=false");
        }
    }
}
