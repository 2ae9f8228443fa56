package dev.ragfn.samcheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Bedrock Runtime's InvokeModel for Titan Text Embeddings on the loopback interface, so that the zips
 * that embed with Bedrock run without AWS: {@code POST /model/{modelId}/invoke} with Titan's JSON body
 * answers {@code {"embedding": [...]}} of the dimension asked for. A vector is the text's words hashed
 * into buckets, so texts that share words are near each other, as a retrieval test needs.
 */
final class BedrockStub implements AutoCloseable {

    record Call(String path, String inputText, int dimensions) {
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    private BedrockStub(HttpServer server) {
        this.server = server;
    }

    static BedrockStub start() throws IOException {
        BedrockStub stub = new BedrockStub(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
        stub.server.createContext("/model/", stub::invoke);
        stub.server.start();
        return stub;
    }

    /**
     * What a function needs to call this stub: the endpoint override and credentials for the AWS default
     * chain (the SDK signs every call; on Lambda the role's keys are in the same variables).
     */
    Map<String, String> environment() {
        return Map.of("RAGFN_BEDROCK_ENDPOINT", "http://127.0.0.1:" + server.getAddress().getPort(),
                "AWS_ACCESS_KEY_ID", "AKIASAMCHECK", "AWS_SECRET_ACCESS_KEY", "sam-check-secret");
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void invoke(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode body = Repo.JSON.readTree(exchange.getRequestBody());
            String text = body.path("inputText").asText();
            int dimensions = body.path("dimensions").asInt(1024);
            calls.add(new Call(exchange.getRequestURI().getRawPath(), text, dimensions));
            ObjectNode answer = Repo.JSON.createObjectNode();
            var values = answer.putArray("embedding");
            for (float v : vectorOf(text, dimensions)) {
                values.add(v);
            }
            answer.put("inputTextTokenCount", text.split("\\s+").length);
            byte[] json = answer.toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, json.length);
            exchange.getResponseBody().write(json);
        }
    }

    /** The text's lower-cased words hashed into buckets, normalised to length 1 as Titan's vectors are. */
    private static float[] vectorOf(String text, int dimensions) {
        float[] vector = new float[dimensions];
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                vector[Math.floorMod(word.hashCode(), dimensions)] += 1;
            }
        }
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        if (norm == 0) {
            vector[0] = 1;
            return vector;
        }
        for (int i = 0; i < dimensions; i++) {
            vector[i] /= (float) Math.sqrt(norm);
        }
        return vector;
    }
}
