package dev.ragfn.summarize.metrics;

import dev.ragfn.summarize.metrics.Metric.Badness;
import dev.ragfn.summarize.metrics.Metric.Labels;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The metrics a summary covers, and how to query each for a scope: those of model serving (vLLM and
 * DCGM), or those of ragfn itself ({@link #platform}, the {@code ragfn_*} series every function
 * serves on /q/metrics). Latencies come from histograms: histogram_quantile over the rate of the
 * buckets summed by {@code le}.
 */
public final class MetricCatalog {

    private static final String QUEUE_ADVICE = "Requests queue up: add replicas, or raise --max-num-seqs if the GPUs have headroom.";
    private static final String LATENCY_ADVICE = "Check queueing and KV cache pressure at the same time; long prompts or preemptions slow every request.";
    private static final String KV_ADVICE = "KV cache fills up: lower --max-model-len or --max-num-seqs, or raise --gpu-memory-utilization, before requests get preempted.";
    private static final String ERROR_ADVICE = "Read the serving logs around the error burst; 5xx answers from vLLM usually mean engine errors, timeouts or out-of-memory.";
    private static final String MEMORY_ADVICE = "GPU memory stays full: check for a leak or a cache that never shrinks, and whether other processes share the GPU.";
    private static final String THERMAL_ADVICE = "GPU runs hot: check cooling and power capping; thermal throttling lowers throughput.";

    private static final String PLATFORM_ERROR_ADVICE = "Read the failing function's logs and traces: unavailable errors mean a store (OpenSearch, DynamoDB) or a model endpoint failed.";
    private static final String DEAD_LETTER_ADVICE = "Events were given up on: read the dead letters and replay them once the cause is fixed.";
    private static final String PLATFORM_LATENCY_ADVICE = "Compare with the index's and the model's latency in the traces; slow retrieval slows every chat turn.";
    private static final String INGEST_ADVICE = "Submissions fail by reason: fix the documents or limits the failure reason names.";

    private final List<Metric> metrics;
    private final List<Pairing> pairings;
    private final String namespaceLabel;
    private final String modelLabel;

    /** The model-serving catalog: vLLM and DCGM metrics. */
    public MetricCatalog(String namespaceLabel, String modelLabel) {
        this(namespaceLabel, modelLabel, null, PAIRINGS);
    }

    private MetricCatalog(String namespaceLabel, String modelLabel, List<Metric> metrics, List<Pairing> pairings) {
        this.namespaceLabel = namespaceLabel;
        this.modelLabel = modelLabel;
        this.pairings = pairings;
        this.metrics = metrics != null ? metrics : List.of(
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

    /**
     * ragfn's own health: the series of dev.ragfn.runtime.observe.RagfnMeters, by namespace (the
     * label Prometheus adds to what it scrapes); they carry no model label.
     */
    public static MetricCatalog platform(String namespaceLabel) {
        return new MetricCatalog(namespaceLabel, null, List.of(
                rate("invocation_rate", "Function invocations", "req/s", "ragfn_function_invocations_seconds_count", "", 0.5),
                new Metric("function_error_ratio", "Function error ratio", "ratio",
                        List.of("ragfn_function_invocations_seconds_count"),
                        "sum(rate($metric{$sel,outcome=~\"unavailable|error\"}[$range])) / sum(rate($metric{$sel}[$range]))",
                        Labels.NAMESPACE, Badness.HIGHER_IS_WORSE, 0.01, 0.05, 20, PLATFORM_ERROR_ADVICE),
                platformQuantile("function_latency_p99", "Function duration p99", 0.99,
                        "ragfn_function_invocations_seconds_bucket", 0.5, 10),
                platformQuantile("retrieve_latency_p95", "Retrieve latency p95", 0.95, "ragfn_retrieve_seconds_bucket", 0.05, 10),
                platformQuantile("chat_ttft_p95", "Chat time to first token p95", 0.95,
                        "ragfn_chat_time_to_first_token_seconds_bucket", 0.25, 10),
                platformQuantile("embedding_batch_p95", "Embedding batch p95", 0.95, "ragfn_embedding_batch_seconds_bucket", 0.1, 5),
                new Metric("dead_letters", "Dead-lettered events", "events", List.of("ragfn_broker_dead_letters_total"),
                        "sum(increase($metric{$sel}[$range]))", Labels.NAMESPACE, Badness.HIGHER_IS_WORSE, 1, 1.0, 20,
                        DEAD_LETTER_ADVICE),
                new Metric("ingest_failure_rate", "Failed submissions", "docs/s", List.of("ragfn_ingest_failures_total"),
                        "sum(rate($metric{$sel}[$range]))", Labels.NAMESPACE, Badness.HIGHER_IS_WORSE, 0.01, null, 10,
                        INGEST_ADVICE),
                rate("chunk_rate", "Chunks ingested", "chunks/s", "ragfn_ingest_chunks_total", "", 1),
                rate("shield_block_rate", "Shield blocks", "checks/s", "ragfn_shield_verdicts_total", ",decision=\"block\"", 0.01),
                rate("output_token_rate", "Chat model output tokens", "tokens/s", "ragfn_chat_tokens_total", ",type=\"output\"", 10)),
                List.of(new Pairing("function_latency_p99", "invocation_rate", "function latency rises with load"),
                        new Pairing("chat_ttft_p95", "retrieve_latency_p95", "slow retrieval delays the first token"),
                        new Pairing("function_error_ratio", "dead_letters", "failing functions dead-letter their events")));
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
        return pairings;
    }

    public List<Metric> metrics() {
        return metrics;
    }

    /**
     * Series selectors that match, in one discovery call, the raw metrics present in the scope:
     * one per label family, since GPU and HTTP metrics have no model label.
     */
    public List<String> discoverySelectors(Scope scope) {
        // A family without metrics in this catalog would give an empty name regex, which Prometheus refuses.
        return Arrays.stream(Labels.values()).filter(labels -> metrics.stream().anyMatch(m -> m.labels() == labels)).map(labels -> {
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

    private static Metric rate(String name, String title, String unit, String source, String matchers, double minChange) {
        return new Metric(name, title, unit, List.of(source), "sum(rate($metric{$sel" + matchers + "}[$range]))",
                Labels.NAMESPACE, Badness.NEUTRAL, minChange, null, 0, null);
    }

    private static Metric platformQuantile(String name, String title, double q, String bucket, double minChange, int weight) {
        return new Metric(name, title, "s", List.of(bucket),
                "histogram_quantile(" + q + ", sum by (le) (rate($metric{$sel}[$range])))",
                Labels.NAMESPACE, Badness.HIGHER_IS_WORSE, minChange, null, weight, PLATFORM_LATENCY_ADVICE);
    }

    /** PromQL durations take whole seconds ("300s"). */
    public static String promDuration(Duration duration) {
        return Math.max(1, duration.toSeconds()) + "s";
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
