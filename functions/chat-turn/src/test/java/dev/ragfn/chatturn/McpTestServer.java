package dev.ragfn.chatturn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ragfn.testing.HttpReplies;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A local MCP server speaking JSON-RPC over the streamable HTTP transport: {@code initialize}
 * (assigning an {@code Mcp-Session-Id} that later requests must carry), the
 * {@code notifications/initialized} notification (202, no body), {@code tools/list} as a JSON
 * answer, and {@code tools/call} answered as an SSE stream. It serves one tool, whose result the
 * test supplies; it can stall calls past the client's timeout.
 */
final class McpTestServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String PROTOCOL_VERSION = "2025-11-25";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final String toolName;
    private final Function<JsonNode, String> tool;
    private final String sessionId = UUID.randomUUID().toString();
    private final List<String> methods = new CopyOnWriteArrayList<>();
    private final List<JsonNode> callArguments = new CopyOnWriteArrayList<>();
    private volatile long stallMillis;

    /** A server offering {@code toolName(id: string)}, answering with {@code tool}'s text for the arguments. */
    McpTestServer(String toolName, Function<JsonNode, String> tool) {
        this.toolName = toolName;
        this.tool = tool;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/mcp", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/mcp";
    }

    /** The JSON-RPC methods received, in order. */
    List<String> methods() {
        return methods;
    }

    List<JsonNode> callArguments() {
        return callArguments;
    }

    void stallCalls(long millis) {
        stallMillis = millis;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                // No server-initiated stream on GET.
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            JsonNode message = JSON.readTree(exchange.getRequestBody());
            String method = message.path("method").asText();
            methods.add(method);
            if (!method.equals("initialize") && !sessionId.equals(exchange.getRequestHeaders().getFirst("Mcp-Session-Id"))) {
                HttpReplies.send(exchange, 400, "application/json", error(message, -32600, "missing or unknown Mcp-Session-Id").toString());
                return;
            }
            switch (method) {
                case "initialize" -> {
                    ObjectNode result = JSON.createObjectNode()
                            .put("protocolVersion", message.at("/params/protocolVersion").asText(PROTOCOL_VERSION));
                    result.putObject("capabilities").putObject("tools").put("listChanged", false);
                    result.putObject("serverInfo").put("name", "test-tickets").put("version", "1.0");
                    exchange.getResponseHeaders().add("Mcp-Session-Id", sessionId);
                    HttpReplies.send(exchange, 200, "application/json", response(message, result).toString());
                }
                case "notifications/initialized" -> exchange.sendResponseHeaders(202, -1);
                case "tools/list" -> {
                    ObjectNode result = JSON.createObjectNode();
                    ObjectNode entry = result.putArray("tools").addObject().put("name", toolName)
                            .put("description", "Looks up a support ticket by its id");
                    ObjectNode schema = entry.putObject("inputSchema").put("type", "object");
                    schema.putObject("properties").putObject("id").put("type", "string").put("description", "Ticket id");
                    schema.putArray("required").add("id");
                    HttpReplies.send(exchange, 200, "application/json", response(message, result).toString());
                }
                case "tools/call" -> call(exchange, message);
                default -> HttpReplies.send(exchange, 200, "application/json",
                        error(message, -32601, "method not found: " + method).toString());
            }
        }
    }

    private void call(HttpExchange exchange, JsonNode message) throws IOException {
        if (stallMillis > 0) {
            try {
                Thread.sleep(stallMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        JsonNode arguments = message.at("/params/arguments");
        callArguments.add(arguments);
        ObjectNode result = JSON.createObjectNode().put("isError", false);
        if (!message.at("/params/name").asText().equals(toolName)) {
            HttpReplies.send(exchange, 200, "application/json", error(message, -32602, "unknown tool").toString());
            return;
        }
        result.putArray("content").addObject().put("type", "text").put("text", tool.apply(arguments));
        // Streamable HTTP lets a server answer a request with an SSE stream: this one does for calls.
        HttpReplies.send(exchange, 200, "text/event-stream", "event: message\ndata: " + response(message, result) + "\n\n");
    }

    private static ObjectNode response(JsonNode request, JsonNode result) {
        ObjectNode response = JSON.createObjectNode().put("jsonrpc", "2.0");
        response.set("id", request.get("id"));
        response.set("result", result);
        return response;
    }

    private static ObjectNode error(JsonNode request, int code, String text) {
        ObjectNode response = JSON.createObjectNode().put("jsonrpc", "2.0");
        response.set("id", request.get("id"));
        response.putObject("error").put("code", code).put("message", text);
        return response;
    }

}
