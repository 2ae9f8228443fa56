package dev.ragfn.chatturn;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.exception.ToolArgumentsException;
import dev.langchain4j.exception.ToolExecutionException;
import dev.langchain4j.mcp.client.DefaultMcpClient;
import dev.langchain4j.mcp.client.McpClient;
import dev.langchain4j.mcp.client.transport.http.StreamableHttpMcpTransport;
import dev.langchain4j.service.tool.ToolExecutionResult;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configured MCP servers (streamable HTTP transport, LangChain4j's MCP client). Each is
 * connected on the first turn that needs it, not at start-up, so a server that is down delays
 * no start and fails no turn: its tools are simply not offered until it answers again. Tool lists
 * are cached by the client after the first listing.
 */
final class McpServers implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(McpServers.class);
    /** A server that could not be reached is tried again after this pause, not on every turn. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    private final List<Connection> connections;

    McpServers(McpConfig config, Clock clock) {
        this.connections = config.servers().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(server -> new Connection(server.getKey(), server.getValue(), clock))
                .toList();
    }

    /** The tools of every server that answers now, servers in name order. */
    List<ChatTool> tools() {
        return connections.stream().flatMap(connection -> connection.tools().stream()).toList();
    }

    @Override
    public void close() {
        connections.forEach(Connection::close);
    }

    private static final class Connection {

        private final String name;
        private final McpConfig.Server server;
        private final Clock clock;
        private final String timeoutMessage;
        private McpClient client;
        private Instant retryAt = Instant.MIN;

        Connection(String name, McpConfig.Server server, Clock clock) {
            this.name = name;
            this.server = server;
            this.clock = clock;
            this.timeoutMessage = "MCP server " + name + " did not answer within " + server.timeout();
        }

        synchronized List<ChatTool> tools() {
            Optional<McpClient> connected = connected();
            if (connected.isEmpty()) {
                return List.of();
            }
            try {
                return connected.get().listTools().stream()
                        .<ChatTool>map(specification -> new McpTool(this, connected.get(), specification))
                        .toList();
            } catch (RuntimeException e) {
                giveUpForNow("list the tools of", e);
                return List.of();
            }
        }

        private Optional<McpClient> connected() {
            if (client != null) {
                return Optional.of(client);
            }
            if (clock.instant().isBefore(retryAt)) {
                return Optional.empty();
            }
            StreamableHttpMcpTransport transport = StreamableHttpMcpTransport.builder()
                    .url(server.url()).timeout(server.timeout())
                    // Plain-HTTP servers may refuse an h2c upgrade on a POST with a body.
                    .setHttpVersion1_1()
                    .build();
            try {
                client = DefaultMcpClient.builder().key(name).transport(transport).clientName("ragfn-chat-turn")
                        .initializationTimeout(server.timeout()).toolExecutionTimeout(server.timeout())
                        .toolExecutionTimeoutErrorMessage(timeoutMessage)
                        // A function may sleep between requests: no background pings, reconnect on use.
                        .autoHealthCheck(false)
                        .build();
                LOG.infof("Connected to MCP server %s at %s", name, server.url());
                return Optional.of(client);
            } catch (RuntimeException e) {
                closeQuietly(transport);
                giveUpForNow("connect to", e);
                return Optional.empty();
            }
        }

        private void giveUpForNow(String what, RuntimeException e) {
            LOG.warnf("Cannot %s MCP server %s at %s, its tools are not offered for %s: %s", what, name, server.url(),
                    RETRY_AFTER, rootMessage(e));
            close();
            retryAt = clock.instant().plus(RETRY_AFTER);
        }

        ChatTool.Output call(McpClient client, ToolExecutionRequest request) {
            ToolExecutionResult result;
            try {
                result = client.executeTool(request);
            } catch (ToolArgumentsException e) {
                throw new ChatTool.ToolFailure("MCP server " + name + " refused the arguments: " + e.getMessage(), e);
            } catch (ToolExecutionException e) {
                // The client wraps transport failures (refused, reset) with a cause; the server's own errors have none.
                throw e.getCause() != null ? unreachable(e)
                        : new ChatTool.ToolFailure("the tool failed on MCP server " + name + ": " + e.getMessage(), e);
            } catch (RuntimeException e) {
                throw unreachable(e);
            }
            String text = result.resultText() == null ? "" : result.resultText();
            // The client reports a timeout as a result carrying our message.
            if (text.equals(timeoutMessage) || result.isError()) {
                throw new ChatTool.ToolFailure(text);
            }
            return new ChatTool.Output(text, text.length() + " characters from MCP server " + name);
        }

        private ChatTool.ToolFailure unreachable(RuntimeException e) {
            return new ChatTool.ToolFailure("MCP server " + name + " could not be reached: " + rootMessage(e), e);
        }

        synchronized void close() {
            if (client != null) {
                closeQuietly(client);
                client = null;
            }
        }

        private void closeQuietly(AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.debugf(e, "Closing the connection to MCP server %s failed", name);
            }
        }
    }

    /** One tool of one server, offered to the model under the name the server gave it. */
    private record McpTool(Connection connection, McpClient client, ToolSpecification specification) implements ChatTool {

        @Override
        public String source() {
            return "mcp:" + connection.name;
        }

        @Override
        public Output execute(ToolExecutionRequest request, ObjectNode arguments) {
            return connection.call(client, request);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
