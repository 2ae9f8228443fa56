package dev.ragfn.summarize.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.IntToDoubleFunction;

/**
 * Six hours of vLLM and DCGM metrics (plus a warm-up before) as a Prometheus scrape would have
 * recorded them (one sample every 30 s), written as OpenMetrics text for {@code promtool tsdb create-blocks-from openmetrics}.
 * Two scopes: {@link #BUSY} has known incidents at known times, {@link #QUIET} has none (and no
 * time-per-output-token histogram, to exercise a missing metric).
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

    private final StringBuilder out = new StringBuilder();
    private final Random random = new Random(42);
    private final int samples;

    private SyntheticServing(Duration length) {
        this.samples = (int) (WARM_UP.plus(length).toSeconds() / INTERVAL_SECONDS);
    }

    /** The OpenMetrics text of both scopes over the six hours from {@link #START}, ending in "# EOF". */
    public static String openMetrics() {
        return openMetrics(Duration.between(START, END));
    }

    /** The same series over {@code length} from {@link #START}; the incidents stay where they are. */
    public static String openMetrics(Duration length) {
        SyntheticServing s = new SyntheticServing(length);
        s.scope(true);
        s.scope(false);
        return s.out.append("# EOF\n").toString();
    }

    private void scope(boolean busy) {
        String ns = busy ? BUSY_NAMESPACE : QUIET_NAMESPACE;
        String model = busy ? BUSY_MODEL : QUIET_MODEL;
        String vllm = "namespace=\"" + ns + "\",model_name=\"" + model + "\",pod=\"" + model + "-0\"";
        String gpu = "namespace=\"" + ns + "\",pod=\"" + model + "-0\",gpu=\"0\"";
        String http = "namespace=\"" + ns + "\",pod=\"" + model + "-0\",handler=\"/v1/completions\"";

        gauge("vllm:num_requests_running", vllm, i -> Math.max(0, Math.round(8 + gauss(1))));
        gauge("vllm:num_requests_waiting", vllm, i -> busy && inSpike(i) ? Math.round(15 + gauss(2)) : 0);
        double[] requests = perInterval(i -> Math.max(0, Math.round(REQUESTS_PER_INTERVAL + gauss(5))));
        counter("vllm:request_success_total", vllm, requests);
        counter("http_requests_total", http + ",status=\"2xx\"", requests);
        counter("http_requests_total", http + ",status=\"5xx\"",
                perInterval(i -> busy && within(i, ERROR_BURST, 10) ? 40 : 0));
        counter("vllm:prompt_tokens_total", vllm, perInterval(i -> requests[i] * (500 + gauss(10))));
        counter("vllm:generation_tokens_total", vllm, perInterval(i -> requests[i] * (200 + gauss(5))));
        gauge("vllm:gpu_cache_usage_perc", vllm, i -> (busy ? Math.min(0.98, 0.30 + KV_RISE * hours(i) / 6) : 0.35) + gauss(0.01));
        histogram("vllm:e2e_request_latency_seconds_bucket", vllm, E2E_BUCKETS, requests,
                i -> busy && inSpike(i) ? 5.0 : 0.8);
        histogram("vllm:time_to_first_token_seconds_bucket", vllm, TTFT_BUCKETS, requests,
                i -> busy && inSpike(i) ? 2.0 : 0.08);
        if (busy) {
            histogram("vllm:time_per_output_token_seconds_bucket", vllm, TPOT_BUCKETS, requests, i -> 0.03);
        }
        gauge("DCGM_FI_DEV_GPU_UTIL", gpu, i -> Math.min(100, Math.max(0, Math.round(70 + gauss(3)))));
        gauge("DCGM_FI_DEV_FB_USED", gpu, i -> busy ? memory(i) : Math.round(30_000 + gauss(200)));
        gauge("DCGM_FI_DEV_GPU_TEMP", gpu, i -> Math.round(65 + gauss(0.5)));
        gauge("DCGM_FI_DEV_POWER_USAGE", gpu, i -> busy && within(i, POWER_NAN, 5) ? Double.NaN : 300 + gauss(10));
    }

    private double memory(int i) {
        Instant t = time(i);
        if (t.isBefore(MEMORY_CLIMB)) {
            return Math.round(40_000 + gauss(200));
        }
        if (t.isBefore(MEMORY_FLAT)) {
            return Math.round(40_000 + 39_000.0 * Duration.between(MEMORY_CLIMB, t).toSeconds()
                    / Duration.between(MEMORY_CLIMB, MEMORY_FLAT).toSeconds());
        }
        return 79_000;
    }

    private static boolean inSpike(int i) {
        return within(i, LATENCY_SPIKE, 10);
    }

    private static boolean within(int i, Instant from, int minutes) {
        Instant t = time(i);
        return !t.isBefore(from) && t.isBefore(from.plus(Duration.ofMinutes(minutes)));
    }

    /** Hours since the window's start (negative during the warm-up). */
    private static double hours(int i) {
        return Duration.between(START, time(i)).toSeconds() / 3600.0;
    }

    private static Instant time(int i) {
        return START.minus(WARM_UP).plusSeconds((long) i * INTERVAL_SECONDS);
    }

    private double gauss(double sigma) {
        return sigma * random.nextGaussian();
    }

    private double[] perInterval(IntToDoubleFunction value) {
        double[] values = new double[samples];
        for (int i = 0; i < samples; i++) {
            values[i] = value.applyAsDouble(i);
        }
        return values;
    }

    private void gauge(String name, String labels, IntToDoubleFunction value) {
        write(name, labels, perInterval(value));
    }

    /** A counter whose increase over the interval ending at sample i is {@code increments[i]}. */
    private void counter(String name, String labels, double[] increments) {
        double[] totals = new double[samples];
        double total = 0;
        for (int i = 0; i < samples; i++) {
            total += increments[i];
            totals[i] = total;
        }
        write(name, labels, totals);
    }

    /** Cumulative buckets of log-normal latencies (sigma 0.35) with the given median per interval. */
    private void histogram(String name, String labels, double[] bounds, double[] requests, IntToDoubleFunction median) {
        Map<String, double[]> increments = new LinkedHashMap<>();
        for (double bound : bounds) {
            increments.put(format(bound), perInterval(i -> Math.round(requests[i] * lognormalCdf(bound, median.applyAsDouble(i)))));
        }
        increments.put("+Inf", requests);
        increments.forEach((le, values) -> counter(name, labels + ",le=\"" + le + "\"", values));
    }

    private static double lognormalCdf(double x, double median) {
        return 0.5 * (1 + erf(Math.log(x / median) / (0.35 * Math.sqrt(2))));
    }

    /** Abramowitz and Stegun 7.1.26; accurate to 1.5e-7, plenty for bucket counts. */
    private static double erf(double x) {
        double t = 1 / (1 + 0.3275911 * Math.abs(x));
        double y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t
                * Math.exp(-x * x);
        return Math.signum(x) * y;
    }

    private void write(String name, String labels, double[] values) {
        List<String> lines = new ArrayList<>(samples);
        for (int i = 0; i < samples; i++) {
            lines.add(name + "{" + labels + "} " + format(values[i]) + " " + time(i).getEpochSecond());
        }
        lines.forEach(line -> out.append(line).append('\n'));
    }

    private static String format(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? String.valueOf((long) value)
                : String.format(Locale.ROOT, "%.6g", value);
    }
}
