package dev.ragfn.summarize.metrics;

import dev.ragfn.summarize.metrics.Metric.Badness;
import dev.ragfn.summarize.metrics.Metric.Labels;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The vLLM and DCGM metrics a summary covers, and how to query each for a scope. Latencies come
 * from histograms: histogram_quantile over the rate of the buckets summed by {@code le}.
 */
public final class MetricCatalog {

    private static final String QUEUE_ADVICE = "Requests queue up: add replicas, or raise --max-num-seqs if the GPUs have headroom.";
    private static final String LATENCY_ADVICE = "Check queueing and KV cache pressure at the same time; long prompts or preemptions slow every request.";
    private static final String KV_ADVICE = "KV cache fills up: lower --max-model-len or --max-num-seqs, or raise --gpu-memory-utilization, before requests get preempted.";
    private static final String ERROR_ADVICE = "Read the serving logs around the error burst; 5xx answers from vLLM usually mean engine errors, timeouts or out-of-memory.";
    private static final String MEMORY_ADVICE = "GPU memory stays full: check for a leak or a cache that never shrinks, and whether other processes share the GPU.";
    private static final String THERMAL_ADVICE = "GPU runs hot: check cooling and power capping; thermal throttling lowers throughput.";

    private final List<Metric> metrics;
    private final String namespaceLabel;
    private final String modelLabel;

    public MetricCatalog(String namespaceLabel, String modelLabel) {
        this.namespaceLabel = namespaceLabel;
        this.modelLabel = modelLabel;
        this.metrics = List.of(
                gauge("requests_running", "Running requests", "requests", "sum", "vllm:num_requests_running",
                        Labels.NAMESPACE_AND_MODEL, Badness.NEUTRAL, 2, null, 0, null),
                gauge("requests_waiting", "Waiting requests", "requests", "sum", "vllm:num_requests_waiting",
                        Labels.NAMESPACE_AND_MODEL, Badness.HIGHER_IS_WORSE, 2, 10.0, 10, QUEUE_ADVICE),
                new Metric("request_rate", "Finished requests", "req/s", List.of("vllm:request_success_total"),
                        "sum(rate($metric{$sel}[$range]))", Labels.NAMESPACE_AND_MODEL, Badness.NEUTRAL, 0.5, null, 0, null),
                new Metric("error_ratio", "Server error ratio", "ratio", List.of("http_requests_total"),
                        "sum(rate($metric{$sel,status=~\"5..\"}[$range])) / sum(rate($metric{$sel}[$range]))",
                        Labels.NAMESPACE, Badness.HIGHER_IS_WORSE, 0.01, 0.05, 20, ERROR_ADVICE),
                quantile("e2e_latency_p50", "End-to-end latency p50", 0.50, "vllm:e2e_request_latency_seconds_bucket", 0.25, 5, LATENCY_ADVICE),
                quantile("e2e_latency_p95", "End-to-end latency p95", 0.95, "vllm:e2e_request_latency_seconds_bucket", 0.25, 15, LATENCY_ADVICE),
                quantile("e2e_latency_p99", "End-to-end latency p99", 0.99, "vllm:e2e_request_latency_seconds_bucket", 0.25, 5, LATENCY_ADVICE),
                quantile("ttft_p95", "Time to first token p95", 0.95, "vllm:time_to_first_token_seconds_bucket", 0.1, 10, LATENCY_ADVICE),
                quantile("tpot_p95", "Time per output token p95", 0.95, "vllm:time_per_output_token_seconds_bucket", 0.01, 10, LATENCY_ADVICE),
                new Metric("prompt_tokens_rate", "Prompt tokens", "tokens/s", List.of("vllm:prompt_tokens_total"),
                        "sum(rate($metric{$sel}[$range]))", Labels.NAMESPACE_AND_MODEL, Badness.NEUTRAL, 10, null, 0, null),
                new Metric("generation_tokens_rate", "Generated tokens", "tokens/s", List.of("vllm:generation_tokens_total"),
                        "sum(rate($metric{$sel}[$range]))", Labels.NAMESPACE_AND_MODEL, Badness.NEUTRAL, 10, null, 0, null),
                // vLLM renamed the gauge in v0.10; either may exist.
                new Metric("kv_cache_usage", "KV cache usage", "ratio",
                        List.of("vllm:kv_cache_usage_perc", "vllm:gpu_cache_usage_perc"), "avg($metric{$sel})",
                        Labels.NAMESPACE_AND_MODEL, Badness.HIGHER_IS_WORSE, 0.05, 0.95, 10, KV_ADVICE),
                gauge("gpu_utilization", "GPU utilisation", "%", "avg", "DCGM_FI_DEV_GPU_UTIL",
                        Labels.NAMESPACE, Badness.NEUTRAL, 10, null, 0, null),
                // The fullest GPU: a sum or average would hide one GPU running out of memory.
                gauge("gpu_memory_used", "GPU memory used (fullest GPU)", "MiB", "max", "DCGM_FI_DEV_FB_USED",
                        Labels.NAMESPACE, Badness.HIGHER_IS_WORSE, 1024, null, 10, MEMORY_ADVICE),
                gauge("gpu_temperature", "GPU temperature (hottest GPU)", "°C", "max", "DCGM_FI_DEV_GPU_TEMP",
                        Labels.NAMESPACE, Badness.HIGHER_IS_WORSE, 5, 85.0, 10, THERMAL_ADVICE),
                gauge("gpu_power", "GPU power", "W", "sum", "DCGM_FI_DEV_POWER_USAGE",
                        Labels.NAMESPACE, Badness.NEUTRAL, 50, null, 0, null));
    }

    /** Metric pairs whose moving together means something to an operator. */
    public record Pairing(String first, String second, String meaning) {
    }

    private static final List<Pairing> PAIRINGS = List.of(
            new Pairing("e2e_latency_p95", "requests_waiting", "latency rises while requests queue: the server is saturated"),
            new Pairing("ttft_p95", "requests_waiting", "time to first token follows the queue: requests wait before prefill"),
            new Pairing("e2e_latency_p95", "kv_cache_usage", "latency follows KV cache usage: requests get preempted under cache pressure"),
            new Pairing("error_ratio", "requests_running", "errors rise with load"));

    public List<Pairing> pairings() {
        return PAIRINGS;
    }

    public List<Metric> metrics() {
        return metrics;
    }

    /**
     * Series selectors that match, in one discovery call, the raw metrics present in the scope:
     * one per label family, since GPU and HTTP metrics have no model label.
     */
    public List<String> discoverySelectors(Scope scope) {
        return Arrays.stream(Labels.values()).map(labels -> {
            String names = metrics.stream().filter(m -> m.labels() == labels)
                    .flatMap(m -> m.sources().stream()).distinct()
                    .collect(Collectors.joining("|")); // names hold only [a-zA-Z0-9_:], nothing a regex treats specially
            String matchers = matchers(scope, labels);
            return "{__name__=~\"" + names + "\"" + (matchers.isEmpty() ? "" : "," + matchers) + "}";
        }).toList();
    }

    /** The metric's PromQL for the scope, using {@code source}, one of its raw metrics. */
    public String query(Metric metric, String source, Scope scope, Duration rateRange) {
        String matchers = matchers(scope, metric.labels());
        String query = metric.template();
        query = matchers.isEmpty() ? query.replace("{$sel,", "{").replace("$sel", "") : query.replace("$sel", matchers);
        return query.replace("$metric", source).replace("$range", promDuration(rateRange));
    }

    private String matchers(Scope scope, Labels labels) {
        StringBuilder matchers = new StringBuilder();
        if (scope.namespace() != null) {
            matchers.append(namespaceLabel).append("=\"").append(escape(scope.namespace())).append('"');
        }
        if (labels == Labels.NAMESPACE_AND_MODEL && scope.model() != null) {
            matchers.append(matchers.isEmpty() ? "" : ",").append(modelLabel).append("=\"").append(escape(scope.model())).append('"');
        }
        return matchers.toString();
    }

    private static Metric gauge(String name, String title, String unit, String aggregation, String source,
                                Labels labels, Badness badness, double minChange, Double limit, int weight,
                                String advice) {
        return new Metric(name, title, unit, List.of(source), aggregation + "($metric{$sel})", labels, badness,
                minChange, limit, weight, advice);
    }

    private static Metric quantile(String name, String title, double q, String bucket, double minChange, int weight,
                                   String advice) {
        return new Metric(name, title, "s", List.of(bucket),
                "histogram_quantile(" + q + ", sum by (le) (rate($metric{$sel}[$range])))",
                Labels.NAMESPACE_AND_MODEL, Badness.HIGHER_IS_WORSE, minChange, null, weight, advice);
    }

    /** PromQL durations take whole seconds ("300s"). */
    public static String promDuration(Duration duration) {
        return Math.max(1, duration.toSeconds()) + "s";
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
