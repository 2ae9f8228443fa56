package dev.ragfn.summarize.testing;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

/**
 * A day of serving as today's exporters write it, and the day before it, one scrape every two
 * minutes (few enough samples for promtool to import in seconds):
 * vLLM 0.13 (V1 engine: {@code vllm:kv_cache_usage_perc}, {@code vllm:inter_token_latency_seconds},
 * {@code finished_reason} on {@code vllm:request_success_total}, an {@code engine} label), its
 * API server's {@code http_requests_total}, and dcgm-exporter as the GPU Operator's ServiceMonitor
 * scrapes it ({@code honorLabels: false}: the exporter's own namespace and pod in
 * {@code namespace}/{@code pod}, the GPU user's in {@code exported_namespace}/{@code exported_pod}).
 *
 * <p>Two models share the namespace {@link #NAMESPACE} and one GPU node: {@link #MODEL} with the
 * incidents below, on {@link #DAY}, and {@link #CONTROL}, quiet all along; a third GPU on the node
 * is idle and hot, used by no pod. Load follows the day (low at 03:00, high at 15:00) on both days,
 * and with it running requests, tokens, latency, KV cache usage, GPU utilisation, power and heat.
 */
public final class ServingDay {

    /** The summarised day; {@link #DAY_BEFORE} has the same cycle and no incidents. */
    public static final Instant DAY = Instant.parse("2026-03-10T00:00:00Z");
    public static final Instant DAY_BEFORE = DAY.minus(Duration.ofDays(1));
    public static final Instant END = DAY.plus(Duration.ofDays(1));
    public static final String NAMESPACE = "serving";
    public static final String MODEL = "llama";
    public static final String CONTROL = "granite";

    /** Latency, time to first token and queue time jump, and requests queue, for 15 minutes. */
    public static final Instant LATENCY_SPIKE = at("02:00");
    /** A fifth of requests fail, as 5xx answers and as vLLM's finished_reason="error", for 10 minutes. */
    public static final Instant ERROR_BURST = at("06:30");
    /** The model's GPU warms to 80 °C, below the 85 °C limit, for 45 minutes. */
    public static final Instant GPU_WARM = at("09:00");
    /** The prefix cache hit rate falls from 55 % to 10 % for 30 minutes. */
    public static final Instant PREFIX_CACHE_MISSES = at("11:00");
    /** The model's GPU runs at 87 °C, above the limit, for an hour. */
    public static final Instant GPU_HOT = at("14:00");
    /** The model's GPU memory rises from 90 % to 97.5 % of the card within two minutes and stays there. */
    public static final Instant MEMORY_FILLS = at("16:00");
    /** KV cache full (99 %), requests preempted, latency and inter-token latency up, for 20 minutes. */
    public static final Instant KV_CACHE_FULL = at("19:00");
    /** The model's GPU reports XID 13 for 10 minutes. */
    public static final Instant XID_ERROR = at("21:00");
    public static final List<Instant> INCIDENTS = List.of(LATENCY_SPIKE, ERROR_BURST, GPU_WARM, PREFIX_CACHE_MISSES,
            GPU_HOT, MEMORY_FILLS, KV_CACHE_FULL, XID_ERROR);

    private static final double CARD_MIB = 81_559;
    private static final Duration WARM_UP = Duration.ofMinutes(30);
    private static final int INTERVAL_SECONDS = 120;
    private static final double[] LATENCY_BUCKETS = {0.3, 0.5, 0.8, 1, 1.5, 2, 2.5, 5, 10, 15, 20, 30, 40, 50, 60};
    private static final double[] TTFT_BUCKETS = {0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10};
    private static final double[] ITL_BUCKETS = {0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.75, 1};
    private static final String NODE = "Hostname=\"gpu-node-1\",modelName=\"NVIDIA H100 80GB HBM3\","
            + "DCGM_FI_DRIVER_VERSION=\"570.172.08\",container=\"nvidia-dcgm-exporter\",endpoint=\"gpu-metrics\","
            + "instance=\"10.128.2.9:9400\",job=\"nvidia-dcgm-exporter\",namespace=\"nvidia-gpu-operator\","
            + "pod=\"nvidia-dcgm-exporter-8xk2d\",service=\"nvidia-dcgm-exporter\"";

    private final OpenMetricsSeries s;

    private ServingDay(OpenMetricsSeries series) {
        this.s = series;
    }

    /** Writes both days (after a warm-up, so the first rates are whole) to {@code file}, ending in "# EOF". */
    public static Path write(Path file) {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            ServingDay day = new ServingDay(new OpenMetricsSeries(out, DAY_BEFORE.minus(WARM_UP),
                    Duration.between(DAY_BEFORE.minus(WARM_UP), END), INTERVAL_SECONDS, 7));
            day.model(MODEL, "llama-predictor-7d9f8c6b5-x2k4p", 0, true);
            day.model(CONTROL, "granite-predictor-5b7c9d4f8-q8m2n", 1, false);
            day.idleGpu(2);
            day.s.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private void model(String model, String pod, int gpu, boolean incidents) {
        String target = "namespace=\"" + NAMESPACE + "\",pod=\"" + pod + "\",container=\"kserve-container\","
                + "endpoint=\"http\",instance=\"10.131.0." + (21 + gpu) + ":8080\",job=\"" + model + "-metrics\","
                + "service=\"" + model + "-metrics\"";
        String vllm = "model_name=\"" + model + "\",engine=\"0\"," + target;
        String http = "handler=\"/v1/chat/completions\",method=\"POST\"," + target;
        double scale = incidents ? 1 : 0.6;

        double[] requests = s.perInterval(i -> Math.max(0, Math.round(scale * 720 * load(i) + s.gauss(6))));
        double[] errors = s.perInterval(i -> incident(incidents, i, ERROR_BURST, 10) ? Math.round(requests[i] * 0.2) : 0);
        s.gauge("vllm:num_requests_running", vllm, i -> Math.max(0, Math.round(scale * 30 * load(i) + s.gauss(1.5))));
        s.gauge("vllm:num_requests_waiting", vllm, i -> incident(incidents, i, LATENCY_SPIKE, 15) ? Math.round(25 + s.gauss(3)) : 0);
        // vLLM creates a child for every finish reason up front; the API server's 5xx series appears with the first 5xx.
        s.counter("vllm:request_success_total", vllm + ",finished_reason=\"stop\"", s.perInterval(i -> Math.round(0.9 * (requests[i] - errors[i]))));
        s.counter("vllm:request_success_total", vllm + ",finished_reason=\"length\"", s.perInterval(i -> requests[i] - errors[i] - Math.round(0.9 * (requests[i] - errors[i]))));
        s.counter("vllm:request_success_total", vllm + ",finished_reason=\"abort\"", s.perInterval(i -> 0));
        s.counter("vllm:request_success_total", vllm + ",finished_reason=\"error\"", errors);
        s.counter("http_requests_total", http + ",status=\"2xx\"", s.perInterval(i -> requests[i] - errors[i]));
        if (incidents) {
            s.counter("http_requests_total", http + ",status=\"5xx\"", errors, index(ERROR_BURST) - 1);
        }
        double[] prompt = s.perInterval(i -> requests[i] * (800 + s.gauss(20)));
        s.counter("vllm:prompt_tokens_total", vllm, prompt);
        s.counter("vllm:generation_tokens_total", vllm, s.perInterval(i -> requests[i] * (250 + s.gauss(5))));
        s.counter("vllm:prefix_cache_queries_total", vllm, prompt);
        s.counter("vllm:prefix_cache_hits_total", vllm, s.perInterval(i -> Math.round(prompt[i]
                * (incident(incidents, i, PREFIX_CACHE_MISSES, 30) ? 0.10 : 0.55 + s.gauss(0.01)))));
        s.counter("vllm:num_preemptions_total", vllm, s.perInterval(i -> incident(incidents, i, KV_CACHE_FULL, 20) ? 60 : 0));
        s.gauge("vllm:kv_cache_usage_perc", vllm, i -> incident(incidents, i, KV_CACHE_FULL, 20) ? 0.99
                : 0.15 + 0.5 * load(i) + s.gauss(0.01));
        s.histogram("vllm:e2e_request_latency_seconds_bucket", vllm, LATENCY_BUCKETS, requests,
                i -> incident(incidents, i, LATENCY_SPIKE, 15) ? 12 : incident(incidents, i, KV_CACHE_FULL, 20) ? 8
                        : 2 * (0.8 + 0.4 * load(i)));
        s.histogram("vllm:time_to_first_token_seconds_bucket", vllm, TTFT_BUCKETS, requests,
                i -> incident(incidents, i, LATENCY_SPIKE, 15) ? 3 : 0.08 * (0.8 + 0.4 * load(i)));
        s.histogram("vllm:inter_token_latency_seconds_bucket", vllm, ITL_BUCKETS, requests,
                i -> incident(incidents, i, KV_CACHE_FULL, 20) ? 0.06 : 0.02 * (0.9 + 0.2 * load(i)));
        s.histogram("vllm:request_queue_time_seconds_bucket", vllm, LATENCY_BUCKETS, requests,
                i -> incident(incidents, i, LATENCY_SPIKE, 15) ? 4 : 0.02);

        String labels = gpu(gpu) + ",exported_container=\"kserve-container\",exported_namespace=\"" + NAMESPACE
                + "\",exported_pod=\"" + pod + "\"";
        s.gauge("DCGM_FI_DEV_GPU_UTIL", labels, i -> Math.min(100, Math.max(0, Math.round(20 + 70 * load(i) + s.gauss(2)))));
        double[] used = s.perInterval(i -> Math.round(CARD_MIB * (incidents && !s.time(i).isBefore(MEMORY_FILLS.plus(Duration.ofMinutes(2)))
                ? 0.975 : incident(incidents, i, MEMORY_FILLS, 2) ? 0.94 : 0.90) + s.gauss(20)));
        s.gauge("DCGM_FI_DEV_FB_USED", labels, i -> used[i]);
        s.gauge("DCGM_FI_DEV_FB_FREE", labels, i -> CARD_MIB - used[i]);
        s.gauge("DCGM_FI_DEV_GPU_TEMP", labels, i -> incident(incidents, i, GPU_HOT, 60) ? Math.round(87 + s.gauss(0.6))
                : incident(incidents, i, GPU_WARM, 45) ? Math.round(80 + s.gauss(0.6)) : Math.round(50 + 18 * load(i) + s.gauss(0.6)));
        s.gauge("DCGM_FI_DEV_POWER_USAGE", labels, i -> 120 + 450 * load(i) + s.gauss(8));
        s.gauge("DCGM_FI_DEV_XID_ERRORS", labels, i -> incident(incidents, i, XID_ERROR, 10) ? 13 : 0);
    }

    /** A GPU no pod uses: no exported_* labels, and hot enough to cross the limit if it were charged to a model. */
    private void idleGpu(int gpu) {
        String labels = gpu(gpu);
        s.gauge("DCGM_FI_DEV_GPU_UTIL", labels, i -> 0);
        s.gauge("DCGM_FI_DEV_FB_USED", labels, i -> 0);
        s.gauge("DCGM_FI_DEV_FB_FREE", labels, i -> CARD_MIB);
        s.gauge("DCGM_FI_DEV_GPU_TEMP", labels, i -> Math.round(90 + s.gauss(0.6)));
        s.gauge("DCGM_FI_DEV_POWER_USAGE", labels, i -> 70 + s.gauss(2));
        s.gauge("DCGM_FI_DEV_XID_ERRORS", labels, i -> 0);
    }

    private static String gpu(int gpu) {
        return "gpu=\"" + gpu + "\",UUID=\"GPU-5fd3c2a1-8e4b-4c1d-9a7e-0b6f2d1c3e4" + gpu + "\",device=\"nvidia" + gpu
                + "\",pci_bus_id=\"00000000:" + String.format("%02X", 0x3B + gpu) + ":00.0\"," + NODE;
    }

    /** Load from 0.1 at 03:00 to 0.9 at 15:00, the same every day. */
    private double load(int i) {
        double hour = Duration.between(DAY_BEFORE, s.time(i)).toSeconds() / 3600.0;
        return 0.5 + 0.4 * Math.sin(2 * Math.PI * (hour - 9) / 24);
    }

    /** Whether sample i lies in an incident: only on {@link #DAY} and only for the model that has them. */
    private boolean incident(boolean incidents, int i, Instant from, int minutes) {
        return incidents && s.within(i, from, minutes);
    }

    private int index(Instant t) {
        return (int) (Duration.between(DAY_BEFORE.minus(WARM_UP), t).toSeconds() / INTERVAL_SECONDS);
    }

    private static Instant at(String hhmm) {
        return DAY.plus(Duration.between(LocalTime.MIDNIGHT, LocalTime.parse(hhmm)));
    }
}
