package dev.ragfn.chatturn;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Optional;

/** Tool calling in chat-turn: which tools the model is offered and how far it may go with them. */
@ConfigMapping(prefix = "ragfn.chat.tools")
public interface ToolsConfig {

    /** Offer tools to the chat model; the model server must support tool calling (vLLM: --enable-auto-tool-choice). */
    @WithDefault("false")
    boolean enabled();

    /** Most model answers that may call tools in one turn; after them the model must answer without tools. */
    @WithDefault("3")
    int maxRounds();

    /** Most tool calls run from one model answer; further calls get an error result. */
    @WithDefault("4")
    int maxCallsPerRound();

    /** Longest tool result, in characters, passed to the shield and the model; the rest is cut off. */
    @WithDefault("8000")
    int maxResultChars();

    /** Knowledge bases of the request's tenant that search_knowledge_base may read besides the request's own. */
    Optional<List<String>> knowledgeBases();
}
