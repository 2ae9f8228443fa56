package dev.ragfn.summarize.testing;

import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;

/**
 * Six hours of vLLM and DCGM metrics (plus a warm-up before) as a Prometheus scrape would have
 * recorded them (one sample every 30 s), written as OpenMetrics text for {@code promtool tsdb create-blocks-from openmetrics}.
 * The names and labels are those of vLLM before 0.10 and of a dcgm-exporter scraped with
 * {@code honorLabels: true}; {@link ServingDay} writes today's.
 * Two scopes: {@link #BUSY_MODEL} has known incidents at known times, {@link #QUIET_MODEL} has none
 * (and no time-per-output-token histogram, to exercise a missing metric).
 */
public final class SyntheticServing {

    public static final Instant START = Instant.parse("2026-03-02T00:00:00Z");
    public static final Instant END = START.plus(Duration.ofHours(6));
    public static final String BUSY_NAMESPACE = "prod";
    public static final String BUSY_MODEL = "llama";
    public static final String QUIET_NAMESPACE = "calm";
    public static final String QUIET_MODEL = "granite";

    /** End-to-end latency and TTFT jump, and requests queue, from 02:00 for 10 minutes. */
    public static final Instant LATENCY_SPIKE = START.plus(Duration.ofHours(2));
    /** 5xx answers are a fifth of all from 04:30 for 10 minutes. */
    public static final Instant ERROR_BURST = START.plus(Duration.ofMinutes(270));
    /** Size of the synthetic GPU's memory, used plus free. */
    public static final double CARD_MIB = 81_559;
    /** GPU memory climbs from 40 GB at 03:30 to 79 GB at 04:00 and stays there. */
    public static final Instant MEMORY_CLIMB = START.plus(Duration.ofMinutes(210));
    public static final Instant MEMORY_FLAT = START.plus(Duration.ofMinutes(240));
    /** KV cache usage rises from 0.30 to 0.60 over the window. */
    public static final double KV_RISE = 0.30;
    /** GPU power reads NaN from 01:40 for 5 minutes. */
    public static final Instant POWER_NAN = START.plus(Duration.ofMinutes(100));

    /** Series begin this long before the window, as they would in a live system, so the first rates are whole. */
    private static final Duration WARM_UP = Duration.ofMinutes(30);
    private static final int INTERVAL_SECONDS = 30;
    private static final double REQUESTS_PER_INTERVAL = 150;
    private static final double[] E2E_BUCKETS = {0.3, 0.5, 0.8, 1, 1.5, 2, 2.5, 5, 10, 20, 30, 60};
    private static final double[] TTFT_BUCKETS = {0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 10};
    private static final double[] TPOT_BUCKETS = {0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5};

    private final OpenMetricsSeries series;

    private SyntheticServing(OpenMetricsSeries series) {
        this.series = series;
    }

    /** The OpenMetrics text of both scopes over the six hours from {@link #START}, ending in "# EOF". */
    public static String openMetrics() {
        return openMetrics(Duration.between(START, END));
    }

    /** The same series over {@code length} from {@link #START}; the incidents stay where they are. */
    public static String openMetrics(Duration length) {
        StringWriter out = new StringWriter();
        SyntheticServing s = new SyntheticServing(new OpenMetricsSeries(out, START.minus(WARM_UP), WARM_UP.plus(length),
                INTERVAL_SECONDS, 42));
        s.scope(true);
        s.scope(false);
        s.series.end();
        return out.toString();
    }

    private void scope(boolean busy) {
        OpenMetricsSeries s = series;
        String ns = busy ? BUSY_NAMESPACE : QUIET_NAMESPACE;
        String model = busy ? BUSY_MODEL : QUIET_MODEL;
        String vllm = "namespace=\"" + ns + "\",model_name=\"" + model + "\",pod=\"" + model + "-0\"";
        String gpu = "namespace=\"" + ns + "\",pod=\"" + model + "-0\",gpu=\"0\"";
        String http = "namespace=\"" + ns + "\",pod=\"" + model + "-0\",handler=\"/v1/completions\"";

        s.gauge("vllm:num_requests_running", vllm, i -> Math.max(0, Math.round(8 + s.gauss(1))));
        s.gauge("vllm:num_requests_waiting", vllm, i -> busy && s.within(i, LATENCY_SPIKE, 10) ? Math.round(15 + s.gauss(2)) : 0);
        double[] requests = s.perInterval(i -> Math.max(0, Math.round(REQUESTS_PER_INTERVAL + s.gauss(5))));
        s.counter("vllm:request_success_total", vllm, requests);
        s.counter("http_requests_total", http + ",status=\"2xx\"", requests);
        s.counter("http_requests_total", http + ",status=\"5xx\"",
                s.perInterval(i -> busy && s.within(i, ERROR_BURST, 10) ? 40 : 0));
        s.counter("vllm:prompt_tokens_total", vllm, s.perInterval(i -> requests[i] * (500 + s.gauss(10))));
        s.counter("vllm:generation_tokens_total", vllm, s.perInterval(i -> requests[i] * (200 + s.gauss(5))));
        s.gauge("vllm:gpu_cache_usage_perc", vllm, i -> (busy ? Math.min(0.98, 0.30 + KV_RISE * hours(i) / 6) : 0.35) + s.gauss(0.01));
        s.histogram("vllm:e2e_request_latency_seconds_bucket", vllm, E2E_BUCKETS, requests,
                i -> busy && s.within(i, LATENCY_SPIKE, 10) ? 5.0 : 0.8);
        s.histogram("vllm:time_to_first_token_seconds_bucket", vllm, TTFT_BUCKETS, requests,
                i -> busy && s.within(i, LATENCY_SPIKE, 10) ? 2.0 : 0.08);
        if (busy) {
            s.histogram("vllm:time_per_output_token_seconds_bucket", vllm, TPOT_BUCKETS, requests, i -> 0.03);
        }
        s.histogram("vllm:request_queue_time_seconds_bucket", vllm, E2E_BUCKETS, requests, i -> 0.02);
        s.counter("vllm:num_preemptions_total", vllm, s.perInterval(i -> 0));
        s.gauge("vllm:gpu_prefix_cache_hit_rate", vllm, i -> 0.5 + s.gauss(0.01));
        s.gauge("DCGM_FI_DEV_GPU_UTIL", gpu, i -> Math.min(100, Math.max(0, Math.round(70 + s.gauss(3)))));
        s.gauge("DCGM_FI_DEV_FB_USED", gpu, i -> busy ? memory(i) : Math.round(30_000 + s.gauss(200)));
        s.gauge("DCGM_FI_DEV_FB_FREE", gpu, i -> busy ? CARD_MIB - memory(i) : CARD_MIB - 30_000);
        s.gauge("DCGM_FI_DEV_GPU_TEMP", gpu, i -> Math.round(65 + s.gauss(0.5)));
        s.gauge("DCGM_FI_DEV_POWER_USAGE", gpu, i -> busy && s.within(i, POWER_NAN, 5) ? Double.NaN : 300 + s.gauss(10));
        s.gauge("DCGM_FI_DEV_XID_ERRORS", gpu, i -> 0);
    }

    /** GPU memory in use, noise-free so that used and free add up to the card in every sample. */
    private double memory(int i) {
        Instant t = series.time(i);
        if (t.isBefore(MEMORY_CLIMB)) {
            return 40_000 + 200 * ((i * 7919) % 5 - 2);
        }
        if (t.isBefore(MEMORY_FLAT)) {
            return Math.round(40_000 + 39_000.0 * Duration.between(MEMORY_CLIMB, t).toSeconds()
                    / Duration.between(MEMORY_CLIMB, MEMORY_FLAT).toSeconds());
        }
        return 79_000;
    }

    /** Hours since the window's start (negative during the warm-up). */
    private double hours(int i) {
        return Duration.between(START, series.time(i)).toSeconds() / 3600.0;
    }
}
