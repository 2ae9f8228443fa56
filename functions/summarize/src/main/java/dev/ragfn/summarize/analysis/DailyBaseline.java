package dev.ragfn.summarize.analysis;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The level a series is expected at, from the same time a day earlier. Serving load follows the
 * day, and so do latency, cache usage, GPU heat and power; measured against yesterday, the daily
 * cycle is no longer a trend nor part of the spread that incidents are judged by. Yesterday is
 * smoothed with a running median of five samples, so a brief spike then is not an expectation today.
 */
public final class DailyBaseline {

    public static final Duration DAY = Duration.ofDays(1);
    private static final int HALF_WIDTH = 2;
    /** Share of today's samples that must have a sample a day earlier for the comparison to be used. */
    private static final double MIN_COVERAGE = 0.9;

    private DailyBaseline() {
    }

    /**
     * The expected value of each sample of {@code series} (NaN where the sample is not finite), or
     * empty when {@code dayBefore} covers too little of it, as for a model deployed today.
     */
    public static Optional<double[]> expected(List<Sample> series, List<Sample> dayBefore) {
        List<Sample> before = dayBefore.stream().filter(Sample::finite).toList();
        Map<Instant, Double> smoothed = new HashMap<>();
        for (int j = 0; j < before.size(); j++) {
            double[] around = before.subList(Math.max(0, j - HALF_WIDTH), Math.min(before.size(), j + HALF_WIDTH + 1))
                    .stream().mapToDouble(Sample::value).toArray();
            smoothed.put(before.get(j).time().plus(DAY), Statistics.median(around));
        }
        double[] expected = new double[series.size()];
        Arrays.fill(expected, Double.NaN);
        int finite = 0;
        int covered = 0;
        for (int i = 0; i < series.size(); i++) {
            if (series.get(i).finite()) {
                finite++;
                Double value = smoothed.get(series.get(i).time());
                if (value != null) {
                    covered++;
                    expected[i] = value;
                }
            }
        }
        if (finite == 0 || covered < MIN_COVERAGE * finite) {
            return Optional.empty();
        }
        fillGaps(series, expected);
        return Optional.of(expected);
    }

    /** A finite sample without a match a day earlier takes the nearest expectation before it (or after, at the start). */
    private static void fillGaps(List<Sample> series, double[] expected) {
        double last = Double.NaN;
        for (int i = 0; i < expected.length; i++) {
            if (!Double.isNaN(expected[i])) {
                last = expected[i];
            } else if (series.get(i).finite()) {
                expected[i] = last;
            }
        }
        double next = Double.NaN;
        for (int i = expected.length - 1; i >= 0; i--) {
            if (!Double.isNaN(expected[i])) {
                next = expected[i];
            } else if (series.get(i).finite()) {
                expected[i] = next;
            }
        }
    }
}
