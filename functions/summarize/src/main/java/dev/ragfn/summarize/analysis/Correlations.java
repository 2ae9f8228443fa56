package dev.ragfn.summarize.analysis;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Pearson correlation of two series aligned on their timestamps, as query_range returns them. */
public final class Correlations {

    private static final int MIN_SAMPLES = 10;

    private Correlations() {
    }

    /** The correlation, or empty with too few shared samples or a series that does not vary. */
    public static Optional<Correlation> pearson(String firstName, List<Sample> first,
                                                String secondName, List<Sample> second) {
        Map<Instant, Double> byTime = new HashMap<>();
        first.stream().filter(Sample::finite).forEach(s -> byTime.put(s.time(), s.value()));
        List<double[]> pairs = second.stream()
                .filter(s -> s.finite() && byTime.containsKey(s.time()))
                .map(s -> new double[] {byTime.get(s.time()), s.value()})
                .toList();
        int n = pairs.size();
        if (n < MIN_SAMPLES) {
            return Optional.empty();
        }
        double meanA = pairs.stream().mapToDouble(p -> p[0]).average().orElseThrow();
        double meanB = pairs.stream().mapToDouble(p -> p[1]).average().orElseThrow();
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (double[] p : pairs) {
            sab += (p[0] - meanA) * (p[1] - meanB);
            saa += (p[0] - meanA) * (p[0] - meanA);
            sbb += (p[1] - meanB) * (p[1] - meanB);
        }
        if (saa == 0 || sbb == 0) {
            return Optional.empty();
        }
        double r = Math.max(-1, Math.min(1, sab / Math.sqrt(saa * sbb)));
        double pValue = Math.abs(r) == 1 ? 0 : Statistics.studentTwoSidedP(r * Math.sqrt((n - 2) / (1 - r * r)), n - 2);
        return Optional.of(new Correlation(firstName, secondName, r, pValue, n));
    }
}
