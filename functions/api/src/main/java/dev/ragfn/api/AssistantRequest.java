package dev.ragfn.api;

import dev.ragfn.core.domain.Assistant;

import java.time.Instant;
import java.util.List;

/**
 * An assistant's settings as a client sends them; the tenant comes from the caller and the version
 * from the store. Checked when turned into an {@link Assistant}.
 */
public record AssistantRequest(String id, String name, String instructions, Assistant.ModelSettings model,
                               List<String> knowledgeBases, List<String> tools, List<String> mcpServers,
                               String shieldPolicy, String retrievalMode, Integer topK) {

    Assistant toAssistant(String tenant, String assistantId, Instant now) {
        return new Assistant(tenant, assistantId, name, instructions, model, knowledgeBases, tools, mcpServers,
                shieldPolicy, retrievalMode, topK, 0, now, now);
    }
}
