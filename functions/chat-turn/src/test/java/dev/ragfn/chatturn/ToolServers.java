package dev.ragfn.chatturn;

import dev.ragfn.testing.OpenAiServer.Text;
import dev.ragfn.testing.OpenAiServer.ToolCalls;
import dev.ragfn.testing.OpenAiServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * A model server and an MCP server for the application under test, configured as a user would:
 * the model looks up the ticket a question names with the MCP tool, then answers.
 */
public class ToolServers implements QuarkusTestResourceLifecycleManager {

    static final String ANSWER_START = "Ticket ACC-7 ";
    static final String ANSWER_END = "is open [1].";

    private OpenAiServer model;
    private McpTestServer tickets;

    @Override
    public Map<String, String> start() {
        model = new OpenAiServer();
        model.answer(request -> OpenAiServer.toolResults(request).isEmpty()
                ? new ToolCalls(new OpenAiServer.ToolCall("call_1", "lookup_ticket", "{\"id\":\"ACC-7\"}"))
                : new Text(ANSWER_START, ANSWER_END));
        tickets = new McpTestServer("lookup_ticket", args -> "Ticket " + args.path("id").asText() + " is open.");
        return Map.of("ragfn.chat.provider", "openai", "ragfn.chat.base-url", model.baseUrl(),
                "ragfn.chat.model", "fake-model", "ragfn.chat.tools.enabled", "true",
                "ragfn.chat.mcp.servers.tickets.url", tickets.url(),
                "ragfn.chat.mcp.servers.tickets.timeout", "5s");
    }

    @Override
    public void stop() {
        model.close();
        tickets.close();
    }
}
