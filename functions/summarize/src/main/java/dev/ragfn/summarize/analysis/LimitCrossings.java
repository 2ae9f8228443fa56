package dev.ragfn.summarize.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Stretches of a series at or above a fixed limit (85 °C, a 5 % error ratio), as timed incidents.
 * Each is merged into the statistical incident it overlaps, so one event is reported, and counted,
 * once: dated from whichever saw it first, with the time it reached the limit.
 */
public final class LimitCrossings {

    /** Samples below the limit between two at or above it still belong to one crossing. */
    private static final int MAX_GAP = 1;

    private LimitCrossings() {
    }

    /** The statistical incidents with the limit crossings merged in, in time order. */
    public static List<Anomaly> merge(List<Anomaly> incidents, List<Sample> series, double limit) {
        List<Anomaly> result = new ArrayList<>(incidents);
        for (Anomaly crossing : find(series, limit)) {
            int overlapping = -1;
            for (int i = 0; i < result.size() && overlapping < 0; i++) {
                if (result.get(i).kind() != Anomaly.Kind.DROP && result.get(i).overlaps(crossing.start(), crossing.end())) {
                    overlapping = i;
                }
            }
            if (overlapping >= 0) {
                result.set(overlapping, result.get(overlapping).withLimitCrossing(crossing));
            } else {
                result.add(crossing);
            }
        }
        result.sort((a, b) -> a.start().compareTo(b.start()));
        return result;
    }

    static List<Anomaly> find(List<Sample> series, double limit) {
        List<Sample> finite = series.stream().filter(Sample::finite).toList();
        List<Anomaly> result = new ArrayList<>();
        int from = -1;
        int to = -1;
        for (int i = 0; i <= finite.size(); i++) {
            boolean above = i < finite.size() && finite.get(i).value() >= limit;
            if (above && from >= 0 && i - to - 1 <= MAX_GAP) {
                to = i;
            } else if (above) {
                if (from >= 0) {
                    result.add(crossing(finite, from, to, limit));
                }
                from = i;
                to = i;
            }
        }
        if (from >= 0) {
            result.add(crossing(finite, from, to, limit));
        }
        return result;
    }

    private static Anomaly crossing(List<Sample> samples, int from, int to, double limit) {
        Sample peak = samples.get(from);
        for (int i = from; i <= to; i++) {
            peak = samples.get(i).value() > peak.value() ? samples.get(i) : peak;
        }
        return new Anomaly(Anomaly.Kind.ABOVE_LIMIT, samples.get(from).time(), samples.get(to).time(), peak, limit,
                null, to == samples.size() - 1, null, samples.get(from).time());
    }
}
