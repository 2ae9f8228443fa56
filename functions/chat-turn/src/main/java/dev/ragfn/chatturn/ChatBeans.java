package dev.ragfn.chatturn;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.ragfn.core.config.RagfnConfig;
import dev.ragfn.core.port.SessionStore;
import dev.ragfn.retrieve.RetrieveService;
import dev.ragfn.runtime.observe.RagfnTracing;
import dev.ragfn.shield.Shield;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Optional;

/** The chat model is chosen by ragfn.chat.provider (with none, answers are extractive); tools by ragfn.chat.tools.*. */
@ApplicationScoped
public class ChatBeans {

    @Produces
    @Singleton
    ChatTurnService chatTurnService(RetrieveService retrieve, EmbeddingModel embeddings, Shield shield,
                                    SessionStore sessions, ChatConfig config, ToolsConfig toolsConfig, McpServers mcp,
                                    RagfnConfig ragfn) {
        Optional<ChatTools> tools = toolsConfig.enabled()
                ? Optional.of(new ChatTools(toolsConfig, mcp, retrieve, embeddings, config.minRelevance()))
                : Optional.empty();
        Optional<ChatModels> models = ChatModels.create(config)
                .map(m -> RagfnTracing.enabled() ? TracedChatModels.traced(m) : m);
        RetrievalGate gate = RetrievalGate.of(config.retrievalConcurrency(), ragfn.embedding().provider());
        return new ChatTurnService(retrieve, embeddings, shield, sessions, config, models, tools, gate,
                Clock.systemUTC());
    }

    /**
     * Builds the turn service before the first request: built by the first request instead (when the embedding model
     * still loaded in its constructor), 200 streams opened at once each held a worker thread behind it (Quarkus REST
     * creates a resource under a lock), and nothing, health included, got one meanwhile. The model now loads on a
     * thread of its own from the start (embedding-onnx's InProcessModelReadiness); turns wait for it there.
     */
    void buildBeforeFirstRequest(@Observes StartupEvent started, ChatTurnService service) {
    }

    @Produces
    @Singleton
    McpServers mcpServers(McpConfig config) {
        return new McpServers(config, Clock.systemUTC());
    }

    void closeMcpServers(@Disposes McpServers mcp) {
        mcp.close();
    }
}
