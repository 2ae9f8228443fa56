package dev.ragfn.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A local HTTP server speaking the OpenAI chat-completions protocol: a JSON answer, or, when the
 * request asks to stream, {@code text/event-stream} chunks ending in {@code data: [DONE]}. What it
 * answers comes from the test's responder, which sees each request: text, or tool calls (streamed
 * as deltas, the arguments of each call split across several chunks, as OpenAI sends them). It can
 * also fail with an HTTP status, stall before answering, or stream at a fixed pace; it tells when a
 * client closed a stream before its end, and when each stream's first text went out.
 */
public final class OpenAiServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the model answers. */
    public sealed interface Reply permits Text, ToolCalls {
    }

    /** An answer; streamed, each piece is one chunk. */
    public record Text(List<String> pieces) implements Reply {

        public Text(String... pieces) {
            this(List.of(pieces));
        }

        public String joined() {
            return String.join("", pieces);
        }
    }

    public record ToolCall(String id, String name, String arguments) {
    }

    public record ToolCalls(List<ToolCall> calls) implements Reply {

        public ToolCalls(ToolCall... calls) {
            this(List.of(calls));
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private volatile Function<JsonNode, Reply> responder = request -> new Text("No answer scripted.");
    private volatile int status = 200;
    private volatile long stallMillis;
    private volatile long paceMillis;
    private final AtomicInteger closedByClient = new AtomicInteger();
    private final List<Long> firstTextNanos = new CopyOnWriteArrayList<>();

    public OpenAiServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/v1/chat/completions", this::complete);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public void answer(Function<JsonNode, Reply> responder) {
        this.responder = responder;
    }

    /** Answers every request with this status and an OpenAI error body ("model overloaded"). */
    public void fail(int status) {
        this.status = status;
    }

    public void stall(long millis) {
        this.stallMillis = millis;
    }

    /** Waits this long before each streamed chunk of text, as a model writing at a fixed rate. */
    public void pace(long millis) {
        this.paceMillis = millis;
    }

    /** Streams the client closed before the server had written them whole. */
    public int closedByClient() {
        return closedByClient.get();
    }

    /** {@link System#nanoTime()} when each stream's first chunk of text was written, in order. */
    public List<Long> firstTextNanos() {
        return firstTextNanos;
    }

    public List<JsonNode> requests() {
        return requests;
    }

    /** Every message of a request as "role: content" lines: what the model was shown. */
    public static String prompt(JsonNode request) {
        StringBuilder text = new StringBuilder();
        request.path("messages").forEach(m -> text.append(m.path("role").asText()).append(": ")
                .append(m.path("content").asText()).append('\n'));
        return text.toString();
    }

    /** The names of the tools a request offered. */
    public static List<String> toolNames(JsonNode request) {
        return request.path("tools").findValuesAsText("name");
    }

    /** The {@code tool} messages of a request, the results sent back to the model. */
    public static List<JsonNode> toolResults(JsonNode request) {
        List<JsonNode> results = new ArrayList<>();
        request.path("messages").forEach(m -> {
            if (m.path("role").asText().equals("tool")) {
                results.add(m);
            }
        });
        return results;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void complete(HttpExchange exchange) throws IOException {
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        requests.add(body);
        try (exchange) {
            if (stallMillis > 0) {
                HttpReplies.pause(stallMillis);
            }
            if (status != 200) {
                HttpReplies.sendJson(exchange, status, "{\"error\":{\"message\":\"model overloaded\",\"type\":\"server_error\"}}");
                return;
            }
            Reply reply = responder.apply(body);
            if (body.path("stream").asBoolean()) {
                exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
                exchange.sendResponseHeaders(200, 0);
                try {
                    stream(exchange.getResponseBody(), reply);
                } catch (IOException closed) {
                    closedByClient.incrementAndGet();
                }
            } else {
                HttpReplies.sendJson(exchange, 200, whole(reply).toString());
            }
        }
    }



    private static ObjectNode whole(Reply reply) {
        ObjectNode message = JSON.createObjectNode().put("role", "assistant");
        String finish = "stop";
        switch (reply) {
            case Text text -> message.put("content", text.joined());
            case ToolCalls calls -> {
                message.putNull("content");
                ArrayNode toolCalls = message.putArray("tool_calls");
                for (ToolCall call : calls.calls()) {
                    ObjectNode toolCall = toolCalls.addObject().put("id", call.id()).put("type", "function");
                    toolCall.putObject("function").put("name", call.name()).put("arguments", call.arguments());
                }
                finish = "tool_calls";
            }
        }
        ObjectNode answer = JSON.createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion")
                .put("created", 1).put("model", "fake-model");
        ObjectNode choice = answer.putArray("choices").addObject().put("index", 0).put("finish_reason", finish);
        choice.set("message", message);
        answer.set("usage", usage());
        return answer;
    }

    private void stream(OutputStream out, Reply reply) throws IOException {
        write(out, chunk(JSON.createObjectNode().put("role", "assistant").put("content", ""), null));
        String finish = "stop";
        switch (reply) {
            case Text text -> {
                boolean first = true;
                for (String piece : text.pieces()) {
                    if (paceMillis > 0) {
                        HttpReplies.pause(paceMillis);
                    }
                    write(out, chunk(JSON.createObjectNode().put("content", piece), null));
                    if (first) {
                        firstTextNanos.add(System.nanoTime());
                        first = false;
                    }
                }
            }
            case ToolCalls calls -> {
                for (int i = 0; i < calls.calls().size(); i++) {
                    ToolCall call = calls.calls().get(i);
                    // The first delta names the call; its arguments follow in pieces.
                    ObjectNode opening = JSON.createObjectNode();
                    ObjectNode first = opening.putArray("tool_calls").addObject().put("index", i).put("id", call.id())
                            .put("type", "function");
                    first.putObject("function").put("name", call.name()).put("arguments", "");
                    write(out, chunk(opening, null));
                    for (String piece : thirds(call.arguments())) {
                        ObjectNode delta = JSON.createObjectNode();
                        delta.putArray("tool_calls").addObject().put("index", i)
                                .putObject("function").put("arguments", piece);
                        write(out, chunk(delta, null));
                    }
                }
                finish = "tool_calls";
            }
        }
        ObjectNode last = chunk(JSON.createObjectNode(), finish);
        last.set("usage", usage());
        write(out, last);
        out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> thirds(String text) {
        int a = text.length() / 3;
        int b = 2 * text.length() / 3;
        return List.of(text.substring(0, a), text.substring(a, b), text.substring(b)).stream()
                .filter(piece -> !piece.isEmpty()).toList();
    }

    private static ObjectNode chunk(ObjectNode delta, String finishReason) {
        ObjectNode chunk = JSON.createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion.chunk")
                .put("created", 1).put("model", "fake-model");
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        if (finishReason != null) {
            choice.put("finish_reason", finishReason);
        }
        return chunk;
    }

    private static ObjectNode usage() {
        return JSON.createObjectNode().put("prompt_tokens", 100).put("completion_tokens", 10).put("total_tokens", 110);
    }

    private static void write(OutputStream out, JsonNode data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
