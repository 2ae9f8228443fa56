package dev.ragfn.chatturn;

import dev.ragfn.core.domain.Assistant;
import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.retrieve.RetrieveMode;
import dev.ragfn.shield.Shield;

import java.util.List;

/**
 * What one turn runs with: the request's inline options, or the settings of the assistant it names
 * combined with them. An assistant's knowledge bases, tools and MCP servers bound what the turn may
 * reach: the request may name fewer knowledge bases (for retrieval and for the search tool), never
 * others. Retrieval tuning (topK, mode) given inline wins over the assistant's, as it changes how the
 * turn searches, not what it may read. An assistant without knowledge bases leaves them to the request.
 *
 * @param assistant    the assistant and its version the turn runs with; null for inline options
 * @param instructions the assistant's instructions, placed before the built-in ones; blank for none
 * @param configuredToolKnowledgeBases whether the search tool may also read ragfn.chat.tools.knowledge-bases
 *                     (not when an assistant bounds the knowledge bases)
 * @param tools        null offers every configured tool; otherwise only the tools an assistant allows
 * @param shield       the shield with the policy that applies: the assistant's, when it names one
 */
record TurnPlan(ChatTurnRequest request, List<String> knowledgeBases, Integer topK, RetrieveMode mode,
                List<String> toolKnowledgeBases, boolean configuredToolKnowledgeBases, String instructions,
                Assistant.ModelSettings model, AllowedTools tools, Shield shield, Assistant.Ref assistant) {

    /** The tools an assistant allows: the named ones, and every tool of the named MCP servers. */
    record AllowedTools(List<String> names, List<String> mcpServers) {

        boolean offers(ChatTool tool) {
            return names.contains(tool.name()) || mcpServers.stream().anyMatch(s -> tool.source().equals("mcp:" + s));
        }
    }

    /** A turn with the request's own options and every configured tool. */
    static TurnPlan inline(ChatTurnRequest request, Shield shield) {
        if (request.assistantId() != null) {
            throw new IllegalArgumentException("A request naming an assistant is planned by TurnPlanner");
        }
        ChatOptions options = request.options();
        return new TurnPlan(request, request.knowledgeBases(), options.topK(), options.mode(),
                options.toolKnowledgeBases(), true, "", Assistant.ModelSettings.DEFAULTS, null, shield, null);
    }

    /** A turn with {@code assistant}'s settings, narrowed by the request's. */
    static TurnPlan of(ChatTurnRequest request, Assistant assistant, Shield shield) {
        ChatOptions options = request.options();
        boolean bounded = !assistant.knowledgeBases().isEmpty();
        List<String> knowledgeBases = request.knowledgeBases().isEmpty() ? assistant.knowledgeBases()
                : request.knowledgeBases();
        if (knowledgeBases.isEmpty()) {
            throw new InvalidInputException("assistant " + assistant.id() + " has no knowledge bases: name them in "
                    + "knowledgeBases");
        }
        if (bounded) {
            within(assistant, "knowledgeBases", knowledgeBases);
            within(assistant, "toolKnowledgeBases", options.toolKnowledgeBases());
        }
        Integer topK = options.topK() != null ? options.topK() : assistant.topK();
        RetrieveMode mode = options.mode() != null ? options.mode()
                : assistant.retrievalMode() == null ? null : RetrieveMode.parse(assistant.retrievalMode());
        return new TurnPlan(request, knowledgeBases, topK, mode, options.toolKnowledgeBases(), !bounded,
                assistant.instructions(), assistant.model(),
                new AllowedTools(assistant.tools(), assistant.mcpServers()),
                assistant.shieldPolicy() == null ? shield : shield.withPolicy(assistant.tenant(), assistant.shieldPolicy()),
                assistant.ref());
    }

    String tenant() {
        return request.tenant();
    }

    /** The knowledge base whose shield policy applies (unless the assistant names one), and that sessions note. */
    String firstKnowledgeBase() {
        return knowledgeBases.getFirst();
    }

    private static void within(Assistant assistant, String field, List<String> named) {
        for (String kb : named) {
            if (!assistant.knowledgeBases().contains(kb)) {
                throw new InvalidInputException(field + " names " + kb + ", which is not one of assistant "
                        + assistant.id() + "'s knowledge bases " + assistant.knowledgeBases()
                        + "; a turn may narrow an assistant's knowledge bases, not widen them");
            }
        }
    }
}
