package dev.ragfn.summarize.metrics;

import dev.ragfn.summarize.metrics.Metric.Badness;
import dev.ragfn.summarize.metrics.Metric.Family;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The metrics a summary covers, and how to query each for a scope: those of model serving (vLLM and
 * DCGM), or those of ragfn itself ({@link #platform}, the {@code ragfn_*} series every function
 * serves on /q/metrics). Latencies come from histograms: histogram_quantile over the rate of the
 * buckets summed by {@code le}. Where vLLM or dcgm-exporter renamed a metric, every name is a
 * source, the current one first.
 */
public final class MetricCatalog {

    private static final String QUEUE_ADVICE = "Requests queue up: add replicas, or raise --max-num-seqs if the GPUs have headroom.";
    private static final String LATENCY_ADVICE = "Check the queue time and KV cache usage at the same hours; long prompts slow every request.";
    private static final String KV_ADVICE = "KV cache fills up: lower --max-model-len or --max-num-seqs, or raise --gpu-memory-utilization.";
    private static final String PREEMPTION_ADVICE = "Requests were preempted for want of KV cache and recomputed: lower --max-num-seqs, or give the model more GPU memory.";
    private static final String PREFIX_ADVICE = "Fewer prompts reuse cached prefixes: check whether the system prompt or tool list changed, and whether the cache is evicted under memory pressure.";
    private static final String ERROR_ADVICE = "Read the serving logs around the error burst; 5xx answers from vLLM usually mean engine errors, timeouts or out-of-memory.";
    private static final String MEMORY_ADVICE = "GPU memory stays full: check for a leak or a cache that never shrinks, and whether other processes share the GPU.";
    private static final String THERMAL_ADVICE = "GPU runs hot: check cooling and power capping; thermal throttling lowers throughput.";
    private static final String XID_ADVICE = "A GPU reported an XID error: look its code up in NVIDIA's XID catalogue; codes such as 48, 79, 94 and 95 call for draining the node and resetting or replacing the GPU.";

    private static final String PLATFORM_ERROR_ADVICE = "Read the failing function's logs and traces: unavailable errors mean a store (OpenSearch, DynamoDB) or a model endpoint failed.";
    private static final String DEAD_LETTER_ADVICE = "Events were given up on: read the dead letters and replay them once the cause is fixed.";
    private static final String PLATFORM_LATENCY_ADVICE = "Compare with the index's and the model's latency in the traces; slow retrieval slows every chat turn.";
    private static final String INGEST_ADVICE = "Submissions fail by reason: fix the documents or limits the failure reason names.";

    private final List<Metric> metrics;
    private final List<Pairing> pairings;
    private final String namespaceLabel;
    private final String modelLabel;
    private final String podLabel;

    /**
     * @param namespaceLabel label holding the namespace (dcgm-exporter's may be prefixed "exported_")
     * @param modelLabel     label holding the served model on vLLM series
     * @param podLabel       label holding the pod, which ties GPU and HTTP series to a model's vLLM series
     */
    public MetricCatalog(String namespaceLabel, String modelLabel, String podLabel) {
        this(namespaceLabel, modelLabel, podLabel, Stream.of(servingMetrics(), gpuMetrics()).flatMap(List::stream).toList(),
                PAIRINGS);
    }

    private MetricCatalog(String namespaceLabel, String modelLabel, String podLabel, List<Metric> metrics,
                          List<Pairing> pairings) {
        this.namespaceLabel = namespaceLabel;
        this.modelLabel = modelLabel;
        this.podLabel = podLabel;
        this.metrics = metrics;
        this.pairings = pairings;
    }

    /**
     * ragfn's own health: the series of dev.ragfn.runtime.observe.RagfnMeters, by namespace (the
     * label Prometheus adds to what it scrapes); they carry no model label.
     */
    public static MetricCatalog platform(String namespaceLabel) {
        return new MetricCatalog(namespaceLabel, null, null, List.of(
                platformRate("invocation_rate", "Function invocations", "req/s", "ragfn_function_invocations_seconds_count", 0.5),
                new Metric("function_error_ratio", "Function error ratio", "ratio",
                        List.of("ragfn_function_invocations_seconds_count"),
                        (source, s) -> errorRatio(s.rate(source, "outcome=~\"unavailable|error\""), s.rate(source)),
                        Family.PLATFORM, Badness.HIGHER_IS_WORSE, 0.01, 0.05, 20, PLATFORM_ERROR_ADVICE),
                platformQuantile("function_latency_p99", "Function duration p99", 0.99,
                        "ragfn_function_invocations_seconds_bucket", 0.5, 10),
                platformQuantile("retrieve_latency_p95", "Retrieve latency p95", 0.95, "ragfn_retrieve_seconds_bucket", 0.05, 10),
                platformQuantile("chat_ttft_p95", "Chat time to first token p95", 0.95,
                        "ragfn_chat_time_to_first_token_seconds_bucket", 0.25, 10),
                platformQuantile("embedding_batch_p95", "Embedding batch p95", 0.95, "ragfn_embedding_batch_seconds_bucket", 0.1, 5),
                new Metric("dead_letters", "Dead-lettered events", "events", List.of("ragfn_broker_dead_letters_total"),
                        (source, s) -> "sum(" + s.increase(source) + ")", Family.PLATFORM, Badness.HIGHER_IS_WORSE, 1, 1.0, 20,
                        DEAD_LETTER_ADVICE),
                new Metric("ingest_failure_rate", "Failed submissions", "docs/s", List.of("ragfn_ingest_failures_total"),
                        (source, s) -> "sum(" + s.rate(source) + ")", Family.PLATFORM, Badness.HIGHER_IS_WORSE, 0.01, null, 10,
                        INGEST_ADVICE),
                platformRate("chunk_rate", "Chunks ingested", "chunks/s", "ragfn_ingest_chunks_total", 1),
                platformRate("shield_block_rate", "Shield blocks", "checks/s", "ragfn_shield_verdicts_total", 0.01,
                        "decision=\"block\""),
                platformRate("output_token_rate", "Chat model output tokens", "tokens/s", "ragfn_chat_tokens_total", 10,
                        "type=\"output\"")),
                List.of(new Pairing("function_latency_p99", "invocation_rate", "function latency rises with load", null, null),
                        new Pairing("chat_ttft_p95", "retrieve_latency_p95", "slow retrieval delays the first token", null, null),
                        new Pairing("function_error_ratio", "dead_letters", "failing functions dead-letter their events",
                                null, null)));
    }

    /** vLLM's metrics and its API server's HTTP counters (vLLM V1 engine, 0.8 and later; older names as fallbacks). */
    private static List<Metric> servingMetrics() {
        return List.of(
                gauge("requests_running", "Running requests", "requests", "sum", "vllm:num_requests_running",
                        Family.VLLM, Badness.NEUTRAL, 2, null, 0, null),
                gauge("requests_waiting", "Waiting requests", "requests", "sum", "vllm:num_requests_waiting",
                        Family.VLLM, Badness.HIGHER_IS_WORSE, 2, 10.0, 10, QUEUE_ADVICE),
                counterRate("request_rate", "Finished requests", "req/s", "vllm:request_success_total", Badness.NEUTRAL,
                        0.5, 0, null),
                // Absent error series are no errors: "or vector(0)" keeps a healthy model's ratio at 0.
                new Metric("request_error_ratio", "Requests finished with an error", "ratio",
                        List.of("vllm:request_success_total"),
                        (source, s) -> errorRatio(s.rate(source, "finished_reason=\"error\""), s.rate(source)),
                        Family.VLLM, Badness.HIGHER_IS_WORSE, 0.01, 0.05, 20, ERROR_ADVICE),
                new Metric("error_ratio", "Server error ratio", "ratio", List.of("http_requests_total"),
                        (source, s) -> errorRatio(s.rate(source, "status=~\"5..\""), s.rate(source)),
                        Family.HTTP, Badness.HIGHER_IS_WORSE, 0.01, 0.05, 20, ERROR_ADVICE),
                quantile("e2e_latency_p50", "End-to-end latency p50", 0.50, 0.25, 5, "vllm:e2e_request_latency_seconds_bucket"),
                quantile("e2e_latency_p95", "End-to-end latency p95", 0.95, 0.25, 15, "vllm:e2e_request_latency_seconds_bucket"),
                // A p99 often lies in a wide bucket, where a few requests move it by half a second.
                quantile("e2e_latency_p99", "End-to-end latency p99", 0.99, 1, 5, "vllm:e2e_request_latency_seconds_bucket"),
                quantile("ttft_p95", "Time to first token p95", 0.95, 0.1, 10, "vllm:time_to_first_token_seconds_bucket"),
                // vLLM 0.11 renamed time_per_output_token_seconds to inter_token_latency_seconds and later dropped the old name.
                quantile("inter_token_latency_p95", "Inter-token latency p95", 0.95, 0.01, 10,
                        "vllm:inter_token_latency_seconds_bucket", "vllm:time_per_output_token_seconds_bucket"),
                new Metric("queue_time_p95", "Queue time p95", "s", List.of("vllm:request_queue_time_seconds_bucket"),
                        (source, s) -> "histogram_quantile(0.95, sum by (le) (" + s.rate(source) + "))",
                        Family.VLLM, Badness.HIGHER_IS_WORSE, 0.25, null, 10, QUEUE_ADVICE),
                counterRate("preemptions", "Preemptions", "preemptions/s", "vllm:num_preemptions_total", Badness.HIGHER_IS_WORSE,
                        0.01, 10, PREEMPTION_ADVICE),
                counterRate("prompt_tokens_rate", "Prompt tokens", "tokens/s", "vllm:prompt_tokens_total", Badness.NEUTRAL,
                        10, 0, null),
                counterRate("generation_tokens_rate", "Generated tokens", "tokens/s", "vllm:generation_tokens_total",
                        Badness.NEUTRAL, 10, 0, null),
                // vLLM renamed the gauge in v0.10; either may exist.
                new Metric("kv_cache_usage", "KV cache usage", "ratio",
                        List.of("vllm:kv_cache_usage_perc", "vllm:gpu_cache_usage_perc"),
                        (source, s) -> "avg(" + s.instant(source) + ")",
                        Family.VLLM, Badness.HIGHER_IS_WORSE, 0.05, 0.95, 10, KV_ADVICE),
                // V1 counts queried and hit prompt tokens; the V0 engine exported the rate as a gauge.
                new Metric("prefix_cache_hit_rate", "Prefix cache hit rate", "ratio",
                        List.of("vllm:prefix_cache_queries_total", "vllm:gpu_prefix_cache_hit_rate"),
                        (source, s) -> source.endsWith("_total")
                                ? "sum(" + s.rate("vllm:prefix_cache_hits_total") + ") / sum(" + s.rate(source) + ")"
                                : "avg(" + s.instant(source) + ")",
                        Family.VLLM, Badness.LOWER_IS_WORSE, 0.1, null, 5, PREFIX_ADVICE));
    }

    /** dcgm-exporter's default counters (3.x and 4.x). */
    private static List<Metric> gpuMetrics() {
        return List.of(
                gauge("gpu_utilization", "GPU utilisation", "%", "avg", "DCGM_FI_DEV_GPU_UTIL",
                        Family.DCGM, Badness.NEUTRAL, 10, null, 0, null),
                // The fullest GPU, as a share of its card: a sum or average would hide one GPU running out of memory.
                new Metric("gpu_memory_used", "GPU memory used (fullest GPU)", "ratio", List.of("DCGM_FI_DEV_FB_FREE"),
                        (source, s) -> "max(" + s.instant("DCGM_FI_DEV_FB_USED") + " / (" + s.instant("DCGM_FI_DEV_FB_USED")
                                + " + " + s.instant(source) + "))",
                        Family.DCGM, Badness.HIGHER_IS_WORSE, 0.05, null, 10, MEMORY_ADVICE),
                gauge("gpu_temperature", "GPU temperature (hottest GPU)", "°C", "max", "DCGM_FI_DEV_GPU_TEMP",
                        Family.DCGM, Badness.HIGHER_IS_WORSE, 5, 85.0, 10, THERMAL_ADVICE),
                gauge("gpu_power", "GPU power", "W", "sum", "DCGM_FI_DEV_POWER_USAGE",
                        Family.DCGM, Badness.NEUTRAL, 50, null, 0, null),
                // The code of the last XID error; any code at all is a fault worth a dated incident.
                gauge("gpu_xid_error", "GPU XID error (last code)", "xid", "max", "DCGM_FI_DEV_XID_ERRORS",
                        Family.DCGM, Badness.HIGHER_IS_WORSE, 0.5, 1.0, 15, XID_ADVICE));
    }

    /**
     * Metric pairs whose moving together means something to an operator. A pairing with {@code evidence}
     * says {@code meaning} only when that metric shows the cause happened (a positive sample);
     * otherwise it says {@code withoutEvidence}, since a correlation alone shows no cause.
     */
    public record Pairing(String first, String second, String meaning, String evidence, String withoutEvidence) {
    }

    private static final List<Pairing> PAIRINGS = List.of(
            new Pairing("e2e_latency_p95", "requests_waiting", "latency rises while requests queue: the server is saturated", null, null),
            new Pairing("ttft_p95", "requests_waiting", "time to first token follows the queue: requests wait before prefill", null, null),
            new Pairing("e2e_latency_p95", "kv_cache_usage", "latency follows KV cache usage, and requests were preempted: the cache ran short",
                    "preemptions", "latency follows KV cache usage; no request was preempted, so this shows load, not a cache shortage"),
            new Pairing("error_ratio", "requests_running", "errors rise with load", null, null));

    public List<Pairing> pairings() {
        return pairings;
    }

    public List<Metric> metrics() {
        return metrics;
    }

    /**
     * Series selectors that match, in one discovery call, the raw metrics present in the scope: one or
     * two per family, since each family labels its series differently.
     */
    public List<String> discoverySelectors(Scope scope) {
        // A family without metrics in this catalog would give an empty name regex, which Prometheus refuses.
        return Arrays.stream(Family.values()).filter(family -> metrics.stream().anyMatch(m -> m.family() == family)).flatMap(family -> {
            String names = metrics.stream().filter(m -> m.family() == family)
                    .flatMap(m -> m.sources().stream()).distinct()
                    .collect(Collectors.joining("|")); // names hold only [a-zA-Z0-9_:], nothing a regex treats specially
            return series(scope, family, Duration.ZERO).discovery(names).stream();
        }).toList();
    }

    /** The metric's PromQL for the scope, using {@code source}, one of its raw metrics. */
    public String query(Metric metric, String source, Scope scope, Duration rateRange) {
        return metric.query().build(source, series(scope, metric.family(), rateRange));
    }

    private ScopedSeries series(Scope scope, Family family, Duration rateRange) {
        return new ScopedSeries(scope, family, rateRange, namespaceLabel, modelLabel, podLabel);
    }

    private static String errorRatio(String errors, String all) {
        return "(sum(" + errors + ") or vector(0)) / sum(" + all + ")";
    }

    private static Metric gauge(String name, String title, String unit, String aggregation, String source,
                                Family family, Badness badness, double minChange, Double limit, int weight,
                                String advice) {
        return new Metric(name, title, unit, List.of(source), (s, series) -> aggregation + "(" + series.instant(s) + ")",
                family, badness, minChange, limit, weight, advice);
    }

    private static Metric counterRate(String name, String title, String unit, String source, Badness badness,
                                      double minChange, int weight, String advice) {
        return new Metric(name, title, unit, List.of(source), (s, series) -> "sum(" + series.rate(s) + ")",
                Family.VLLM, badness, minChange, null, weight, advice);
    }

    private static Metric quantile(String name, String title, double q, double minChange, int weight,
                                   String... buckets) {
        return new Metric(name, title, "s", List.of(buckets),
                (source, s) -> "histogram_quantile(" + q + ", sum by (le) (" + s.rate(source) + "))",
                Family.VLLM, Badness.HIGHER_IS_WORSE, minChange, null, weight, LATENCY_ADVICE);
    }

    private static Metric platformRate(String name, String title, String unit, String source, double minChange,
                                       String... matchers) {
        return new Metric(name, title, unit, List.of(source), (s, series) -> "sum(" + series.rate(s, matchers) + ")",
                Family.PLATFORM, Badness.NEUTRAL, minChange, null, 0, null);
    }

    private static Metric platformQuantile(String name, String title, double q, String bucket, double minChange, int weight) {
        return new Metric(name, title, "s", List.of(bucket),
                (source, s) -> "histogram_quantile(" + q + ", sum by (le) (" + s.rate(source) + "))",
                Family.PLATFORM, Badness.HIGHER_IS_WORSE, minChange, null, weight, PLATFORM_LATENCY_ADVICE);
    }

    /** PromQL durations take whole seconds ("300s"). */
    public static String promDuration(Duration duration) {
        return Math.max(1, duration.toSeconds()) + "s";
    }
}
