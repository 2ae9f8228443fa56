package dev.ragfn.summarize.analysis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds spikes, drops and plateaus against a robust baseline: the series' median, with the
 * median absolute deviation (MAD) as its spread, so that the incidents themselves do not shift
 * the baseline the way they would shift a mean and standard deviation. A sample is outlying when
 * it is more than {@code threshold} robust standard deviations and at least the metric's smallest
 * relevant change away from the median; outlying samples on the same side, at most one sample
 * apart, form one incident.
 */
public final class AnomalyDetector {

    /** Outlying samples separated by at most this many ordinary ones still belong to one incident. */
    private static final int MAX_GAP = 1;
    /** Samples within this share of the peak count as flat, for plateau detection. */
    private static final double FLAT_TOLERANCE = 0.005;

    private final double threshold;
    private final Duration minPlateau;

    /**
     * @param threshold  robust z-score beyond which a sample is outlying, such as 5
     * @param minPlateau shortest flat stretch at the peak that makes an upward incident a plateau
     */
    public AnomalyDetector(double threshold, Duration minPlateau) {
        this.threshold = threshold;
        this.minPlateau = minPlateau;
    }

    /**
     * The incidents of a series in time order, against its median.
     *
     * @param minChange smallest deviation from the baseline worth reporting, in the series' unit;
     *                  must be positive, since a constant series has no spread to compare against
     */
    public List<Anomaly> detect(List<Sample> series, double minChange) {
        return detect(series, null, minChange);
    }

    /**
     * The incidents of a series in time order, against the level expected at each sample (such as
     * the same hour a day earlier, {@link DailyBaseline}): the median and the spread are those of
     * the differences, so a daily cycle neither hides an incident nor passes for one.
     *
     * @param expected  the expected level of each sample of {@code series}, or null for none (a flat baseline)
     * @param minChange smallest deviation from the baseline worth reporting, in the series' unit;
     *                  must be positive, since a constant series has no spread to compare against
     */
    public List<Anomaly> detect(List<Sample> series, double[] expected, double minChange) {
        if (!(minChange > 0)) {
            throw new IllegalArgumentException("minChange must be positive but was " + minChange);
        }
        List<Sample> finite = new ArrayList<>();
        List<Double> levels = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            if (series.get(i).finite()) {
                finite.add(series.get(i));
                levels.add(expected == null ? 0 : expected[i]);
            }
        }
        if (finite.size() < 3) {
            return List.of();
        }
        double[] level = levels.stream().mapToDouble(Double::doubleValue).toArray();
        double[] residuals = new double[finite.size()];
        for (int i = 0; i < residuals.length; i++) {
            residuals[i] = finite.get(i).value() - level[i];
        }
        double median = Statistics.median(residuals);
        double sigma = Statistics.MAD_TO_SIGMA * Statistics.mad(residuals, median);
        double limit = Math.max(threshold * sigma, minChange);

        List<int[]> runs = new ArrayList<>();
        for (int i = 0; i < finite.size(); i++) {
            double deviation = residuals[i] - median;
            int sign = Math.abs(deviation) > limit ? (int) Math.signum(deviation) : 0;
            if (sign == 0) {
                continue;
            }
            int[] last = runs.isEmpty() ? null : runs.getLast();
            if (last != null && last[2] == sign && i - last[1] - 1 <= MAX_GAP) {
                last[1] = i;
            } else {
                runs.add(new int[] {i, i, sign});
            }
        }
        if (runs.size() == 1 && runs.getFirst()[0] == 0 && runs.getFirst()[2] < 0) {
            Anomaly plateau = plateauOverMostOfWindow(finite, residuals, level, runs.getFirst()[1], sigma, minChange);
            if (plateau != null) {
                return List.of(plateau);
            }
        }
        List<Anomaly> result = new ArrayList<>();
        for (int[] run : runs) {
            result.add(incident(finite, residuals, level, run[0], run[1], run[2], median, sigma));
        }
        return result;
    }

    /**
     * A level that rose and then held for more than half the window becomes the median itself, so
     * the time before the rise looks like a drop. When the only incident is such a "drop" at the
     * start and the rest of the window is flat, it is a plateau: reported against the level before.
     */
    private Anomaly plateauOverMostOfWindow(List<Sample> samples, double[] residuals, double[] level, int lowEnd,
                                           double flatSigma, double minChange) {
        int last = samples.size() - 1;
        if (lowEnd >= last) {
            return null;
        }
        double[] before = Arrays.copyOfRange(residuals, 0, lowEnd + 1);
        double usual = Statistics.median(before);
        double sigma = Statistics.MAD_TO_SIGMA * Statistics.mad(before, usual);
        int peak = last;
        for (int i = lowEnd + 1; i <= last; i++) {
            peak = residuals[i] > residuals[peak] ? i : peak;
        }
        int flatFrom = longestFlatStart(samples, lowEnd + 1, last, samples.get(peak).value(), flatSigma);
        if (flatFrom < 0) {
            return null;
        }
        // The rise began after the last sample still at the old level.
        double near = Math.max(threshold * sigma, minChange);
        int departed = lowEnd;
        while (departed > 0 && Math.abs(residuals[departed - 1] - usual) > near) {
            departed--;
        }
        Double robustZ = sigma > 0 ? Math.abs(residuals[peak] - usual) / sigma : null;
        return new Anomaly(Anomaly.Kind.PLATEAU, samples.get(departed).time(), samples.get(last).time(),
                samples.get(peak), usual + level[peak], robustZ, true, samples.get(flatFrom).time(), null);
    }

    private Anomaly incident(List<Sample> samples, double[] residuals, double[] level, int from, int to, int sign,
                             double median, double sigma) {
        int peak = from;
        for (int i = from; i <= to; i++) {
            peak = Math.abs(residuals[i] - median) > Math.abs(residuals[peak] - median) ? i : peak;
        }
        Double robustZ = sigma > 0 ? Math.abs(residuals[peak] - median) / sigma : null;
        boolean ongoing = to == samples.size() - 1;
        int flatFrom = sign > 0 ? longestFlatStart(samples, from, to, samples.get(peak).value(), sigma) : -1;
        Anomaly.Kind kind = flatFrom >= 0 ? Anomaly.Kind.PLATEAU : sign > 0 ? Anomaly.Kind.SPIKE : Anomaly.Kind.DROP;
        return new Anomaly(kind, samples.get(from).time(), samples.get(to).time(), samples.get(peak),
                median + level[peak], robustZ, ongoing, flatFrom >= 0 ? samples.get(flatFrom).time() : null, null);
    }

    /**
     * Start index of the flat stretch at the peak that runs to the end of the incident, if it lasts
     * at least {@code minPlateau}; else -1. A plateau ends the incident: the level stays up.
     */
    private int longestFlatStart(List<Sample> samples, int from, int to, double peak, double sigma) {
        double tolerance = Math.max(FLAT_TOLERANCE * Math.abs(peak), sigma);
        int start = to;
        while (start > from && Math.abs(samples.get(start - 1).value() - peak) <= tolerance) {
            start--;
        }
        if (Math.abs(samples.get(to).value() - peak) > tolerance) {
            return -1;
        }
        Duration flat = Duration.between(samples.get(start).time(), samples.get(to).time());
        return flat.compareTo(minPlateau) >= 0 ? start : -1;
    }
}
