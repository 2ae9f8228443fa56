package dev.ragfn.summarize.analysis;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Summary statistics of a series' finite samples; NaN and infinite samples are counted, not used. */
public record Stats(int samples, int nonFiniteSamples, double latest, Instant latestTime,
                    double mean, double min, double max, double p50, double p95, double p99) {

    /** The statistics, or empty when the series has no finite sample. */
    public static Optional<Stats> of(List<Sample> series) {
        List<Sample> finite = series.stream().filter(Sample::finite).toList();
        if (finite.isEmpty()) {
            return Optional.empty();
        }
        double[] values = finite.stream().mapToDouble(Sample::value).toArray();
        double[] sorted = Statistics.sorted(values);
        Sample last = finite.getLast();
        return Optional.of(new Stats(finite.size(), series.size() - finite.size(), last.value(), last.time(),
                Statistics.mean(values), sorted[0], sorted[sorted.length - 1],
                Statistics.percentile(sorted, 0.50), Statistics.percentile(sorted, 0.95),
                Statistics.percentile(sorted, 0.99)));
    }
}
