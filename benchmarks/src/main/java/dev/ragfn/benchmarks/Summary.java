package dev.ragfn.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a JMH JSON result ({@code -rf json}) into the README's Markdown table: upsert time and
 * vectors/s, query p50/p90/p99, and the OpenSearch/Lucene ratio of each figure.
 * Usage: {@code java -cp benchmarks.jar dev.ragfn.benchmarks.Summary jmh-result.json}
 */
public final class Summary {

    private Summary() {
    }

    public static void main(String[] args) throws IOException {
        JsonNode results = new ObjectMapper().readTree(Path.of(args.length > 0 ? args[0] : "jmh-result.json").toFile());
        // row label -> index -> value
        Map<String, Map<String, Double>> rows = new LinkedHashMap<>();
        for (JsonNode result : results) {
            String name = result.path("benchmark").asText().replaceFirst(".*\\.(\\w+\\.\\w+)$", "$1");
            String index = result.path("params").path("index").asText();
            if (index.isEmpty()) {
                // Not an index benchmark (TokenCountBenchmark): JMH's own table shows it.
                continue;
            }
            JsonNode metric = result.path("primaryMetric");
            String unit = metric.path("scoreUnit").asText();
            if ("ss".equals(result.path("mode").asText())) {
                double ms = metric.path("score").asDouble();
                put(rows, name + ", " + unit.replace("/op", "") + " per 10,000 chunks (mean)", index, ms);
                put(rows, name + ", vectors/s", index, BenchData.CHUNKS * 1000.0 / ms);
            } else {
                JsonNode p = metric.path("scorePercentiles");
                put(rows, name + ", " + unit.replace("/op", "") + " p50", index, p.path("50.0").asDouble());
                put(rows, name + ", " + unit.replace("/op", "") + " p90", index, p.path("90.0").asDouble());
                put(rows, name + ", " + unit.replace("/op", "") + " p99", index, p.path("99.0").asDouble());
            }
        }
        System.out.println("| benchmark, figure | Lucene (embedded) | OpenSearch (server) | OpenSearch / Lucene |");
        System.out.println("| --- | ---: | ---: | ---: |");
        rows.forEach((label, byIndex) -> {
            Double lucene = byIndex.get("lucene");
            Double openSearch = byIndex.get("opensearch");
            String ratio = lucene == null || openSearch == null || lucene == 0 ? "" : format(openSearch / lucene) + "×";
            System.out.printf("| %s | %s | %s | %s |%n", label, format(lucene), format(openSearch), ratio);
        });
    }

    private static void put(Map<String, Map<String, Double>> rows, String label, String index, double value) {
        rows.computeIfAbsent(label, l -> new LinkedHashMap<>()).put(index, value);
    }

    private static String format(Double value) {
        if (value == null) {
            return "–";
        }
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
