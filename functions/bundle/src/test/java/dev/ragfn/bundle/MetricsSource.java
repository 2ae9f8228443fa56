package dev.ragfn.bundle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A stand-in for Prometheus's HTTP API as summarize reads it, with a few vLLM and GPU metrics of the scope
 * {@link #SCOPE}: request load, KV cache usage, time to first token and GPU utilisation, the last two with a
 * spike between two given instants, so a summary has statistics, limits and incidents to chart. The spike
 * is in absolute time: the day before, which summarize reads as the baseline, has none.
 */
final class MetricsSource implements AutoCloseable {

    static final String SCOPE = "prod/llama";
    /** Matched in this order: the GPU's query names a vLLM metric too, to scope it to the model's pods. */
    private static final List<String> METRICS = List.of("DCGM_FI_DEV_GPU_UTIL", "vllm:num_requests_running",
            "vllm:kv_cache_usage_perc", "vllm:time_to_first_token_seconds_bucket");

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final double spikeFrom;
    private final double spikeTo;

    private MetricsSource(Instant spikeFrom, Instant spikeTo) throws IOException {
        this.spikeFrom = spikeFrom.getEpochSecond();
        this.spikeTo = spikeTo.getEpochSecond();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/label/__name__/values", exchange -> answer(exchange, json.valueToTree(METRICS)));
        server.createContext("/api/v1/query_range", exchange -> answer(exchange, range(form(exchange))));
        server.start();
    }

    static MetricsSource start(Instant spikeFrom, Instant spikeTo) throws IOException {
        return new MetricsSource(spikeFrom, spikeTo);
    }

    String address() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private ObjectNode range(Map<String, String> form) {
        String query = form.getOrDefault("query", "");
        double start = Double.parseDouble(form.get("start"));
        double end = Double.parseDouble(form.get("end"));
        double step = Double.parseDouble(form.get("step").replace("s", ""));
        ObjectNode data = json.createObjectNode().put("resultType", "matrix");
        ArrayNode result = data.putArray("result");
        String metric = METRICS.stream().filter(query::contains).findFirst().orElse(null);
        if (metric != null) {
            ObjectNode series = result.addObject();
            series.putObject("metric").put("namespace", "prod").put("model_name", "llama");
            ArrayNode values = series.putArray("values");
            for (double t = start; t <= end; t += step) {
                values.addArray().add(t).add(Double.toString(value(metric, t)));
            }
        }
        return data;
    }

    /** A gentle hourly wave for every metric; GPU utilisation and time to first token also spike. */
    private double value(String metric, double time) {
        double wave = Math.sin(time / 3600 * 2 * Math.PI);
        boolean spike = time >= spikeFrom && time <= spikeTo;
        return switch (metric) {
            case "vllm:num_requests_running" -> 8 + 2 * wave;
            case "vllm:kv_cache_usage_perc" -> 0.42 + 0.05 * wave;
            case "vllm:time_to_first_token_seconds_bucket" -> spike ? 2.4 : 0.35 + 0.04 * wave;
            default -> spike ? 99 : 61 + 6 * wave;
        };
    }

    private void answer(HttpExchange exchange, Object data) throws IOException {
        try (exchange) {
            ObjectNode body = json.createObjectNode().put("status", "success");
            body.set("data", json.valueToTree(data));
            byte[] bytes = json.writeValueAsBytes(body);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private static Map<String, String> form(HttpExchange exchange) throws IOException {
        Map<String, String> form = new HashMap<>();
        for (String pair : new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }
}
