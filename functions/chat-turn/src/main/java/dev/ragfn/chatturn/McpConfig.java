package dev.ragfn.chatturn;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;

/** MCP servers whose tools the chat model is offered next to the built-in ones (when ragfn.chat.tools.enabled). */
@ConfigMapping(prefix = "ragfn.chat.mcp")
public interface McpConfig {

    /** The servers by name; the name shows in each tool call's source ({@code mcp:<name>}). */
    Map<String, Server> servers();

    interface Server {

        /** Endpoint of the server's streamable HTTP transport, such as http://tickets:8080/mcp. */
        String url();

        /** How long connecting, listing tools or one tool call may take before the model gets an error result. */
        @WithDefault("10s")
        Duration timeout();
    }
}
