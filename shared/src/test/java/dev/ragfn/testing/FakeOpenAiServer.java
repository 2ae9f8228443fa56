package dev.ragfn.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A chat model on 127.0.0.1 that speaks the OpenAI chat-completions protocol (POST
 * /v1/chat/completions, JSON or a text/event-stream of chunks), so the LangChain4j client under
 * test talks real HTTP. It answers what {@code answer} makes of the request and keeps every request.
 */
public final class FakeOpenAiServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Function<JsonNode, String> answer;
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();

    private FakeOpenAiServer(Function<JsonNode, String> answer) throws IOException {
        this.answer = answer;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", this::complete);
        server.start();
    }

    public static FakeOpenAiServer start(Function<JsonNode, String> answer) {
        try {
            return new FakeOpenAiServer(answer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL a client is configured with. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public List<JsonNode> requests() {
        return List.copyOf(requests);
    }

    /** All message contents of a request, joined: what the model was shown. */
    public static String prompt(JsonNode request) {
        StringBuilder text = new StringBuilder();
        request.path("messages").forEach(m -> text.append(m.path("role").asText()).append(": ")
                .append(m.path("content").asText()).append('\n'));
        return text.toString();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void complete(HttpExchange exchange) throws IOException {
        JsonNode request = JSON.readTree(exchange.getRequestBody());
        requests.add(request);
        String text = answer.apply(request);
        try (exchange) {
            if (request.path("stream").asBoolean()) {
                exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
                exchange.sendResponseHeaders(200, 0);
                OutputStream out = exchange.getResponseBody();
                // One chunk per word, as a model streams tokens.
                for (String piece : text.split("(?<= )")) {
                    write(out, chunk(JSON.createObjectNode().put("content", piece), null));
                }
                write(out, chunk(JSON.createObjectNode(), "stop").set("usage", usage()));
                out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            } else {
                ObjectNode body = JSON.createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion")
                        .put("created", 1).put("model", "fake-model");
                body.set("choices", JSON.createArrayNode().add(JSON.createObjectNode().put("index", 0)
                        .put("finish_reason", "stop")
                        .set("message", JSON.createObjectNode().put("role", "assistant").put("content", text))));
                body.set("usage", usage());
                byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
        }
    }

    private static ObjectNode chunk(ObjectNode delta, String finishReason) {
        ObjectNode choice = JSON.createObjectNode().put("index", 0);
        choice.set("delta", delta);
        if (finishReason != null) {
            choice.put("finish_reason", finishReason);
        }
        ObjectNode chunk = JSON.createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion.chunk")
                .put("created", 1).put("model", "fake-model");
        chunk.set("choices", JSON.createArrayNode().add(choice));
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
