package dev.ragfn.summarize.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.IntToDoubleFunction;

/**
 * Writes series as a Prometheus scrape would have recorded them, one sample per interval from a
 * first time on, as OpenMetrics text for {@code promtool tsdb create-blocks-from openmetrics}.
 * Sample i is at {@code first + i * interval}; gauges take a value per sample, counters an
 * increase per interval, histograms a request count and a median latency per interval.
 */
final class OpenMetricsSeries {

    private final Writer out;
    private final Instant first;
    private final int intervalSeconds;
    private final Random random;
    final int samples;

    OpenMetricsSeries(Writer out, Instant first, Duration length, int intervalSeconds, long seed) {
        this.out = out;
        this.first = first;
        this.intervalSeconds = intervalSeconds;
        this.random = new Random(seed);
        this.samples = (int) (length.toSeconds() / intervalSeconds);
    }

    Instant time(int i) {
        return first.plusSeconds((long) i * intervalSeconds);
    }

    /** Whether sample i falls in [from, from + minutes). */
    boolean within(int i, Instant from, int minutes) {
        Instant t = time(i);
        return !t.isBefore(from) && t.isBefore(from.plus(Duration.ofMinutes(minutes)));
    }

    double gauss(double sigma) {
        return sigma * random.nextGaussian();
    }

    double[] perInterval(IntToDoubleFunction value) {
        double[] values = new double[samples];
        for (int i = 0; i < samples; i++) {
            values[i] = value.applyAsDouble(i);
        }
        return values;
    }

    void gauge(String name, String labels, IntToDoubleFunction value) {
        write(name, labels, perInterval(value), 0);
    }

    /** A counter whose increase over the interval ending at sample i is {@code increments[i]}. */
    void counter(String name, String labels, double[] increments) {
        counter(name, labels, increments, 0);
    }

    /** The same counter, created by the exporter only at sample {@code from} (as a labelled child is on first use). */
    void counter(String name, String labels, double[] increments, int from) {
        double[] totals = new double[samples];
        double total = 0;
        for (int i = from; i < samples; i++) {
            total += increments[i];
            totals[i] = total;
        }
        write(name, labels, totals, from);
    }

    /** Cumulative buckets of log-normal latencies (sigma 0.35) with the given median per interval. */
    void histogram(String name, String labels, double[] bounds, double[] requests, IntToDoubleFunction median) {
        Map<String, double[]> increments = new LinkedHashMap<>();
        for (double bound : bounds) {
            increments.put(format(bound), perInterval(i -> Math.round(requests[i] * lognormalCdf(bound, median.applyAsDouble(i)))));
        }
        increments.put("+Inf", requests);
        increments.forEach((le, values) -> counter(name, labels + ",le=\"" + le + "\"", values));
    }

    void end() {
        append("# EOF\n");
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

    private void write(String name, String labels, double[] values, int from) {
        StringBuilder lines = new StringBuilder();
        for (int i = from; i < samples; i++) {
            lines.append(name).append('{').append(labels).append("} ").append(format(values[i])).append(' ')
                    .append(time(i).getEpochSecond()).append('\n');
        }
        append(lines);
    }

    private void append(CharSequence text) {
        try {
            out.append(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
