package dev.ragfn.summarize.analysis;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Fits a least-squares line to a series and tests whether its slope differs from zero. Metrics are
 * autocorrelated (a busy minute is followed by a busy minute), which makes a plain t-test far too
 * eager; the test therefore uses an effective sample size n(1 - r1)/(1 + r1) from the lag-1
 * autocorrelation r1 of the residuals (Santer et al., 2000). A trend is reported only when it is
 * both significant and large: its change over the window must reach the metric's smallest
 * relevant change and a share of the series' mean level.
 */
public final class TrendDetector {

    private static final int MIN_SAMPLES = 8;
    private static final double MILLIS_PER_HOUR = 3_600_000.0;

    private final double significance;
    private final double minRelativeChange;

    /**
     * @param significance      largest p-value that counts as significant, such as 0.001
     * @param minRelativeChange smallest change over the window, relative to the mean level, that matters
     */
    public TrendDetector(double significance, double minRelativeChange) {
        this.significance = significance;
        this.minRelativeChange = minRelativeChange;
    }

    /**
     * The trend of the finite samples, or empty with fewer than {@value #MIN_SAMPLES} of them.
     *
     * @param minChange smallest absolute change over the window worth reporting, in the series' unit
     */
    public Optional<Trend> detect(List<Sample> series, double minChange) {
        return detect(series, minChange, null);
    }

    /**
     * The trend of the finite samples, or empty with fewer than {@value #MIN_SAMPLES} of them.
     *
     * @param minChange smallest absolute change over the window worth reporting, in the series' unit
     * @param level     the metric's mean level, which the relative change is measured against when
     *                  the series holds differences (to the day before) rather than levels; null
     *                  takes the series' own mean
     */
    public Optional<Trend> detect(List<Sample> series, double minChange, Double level) {
        List<Sample> finite = series.stream().filter(Sample::finite).toList();
        int n = finite.size();
        if (n < MIN_SAMPLES) {
            return Optional.empty();
        }
        Instant origin = finite.getFirst().time();
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = (finite.get(i).time().toEpochMilli() - origin.toEpochMilli()) / MILLIS_PER_HOUR;
            y[i] = finite.get(i).value();
        }
        double meanX = Statistics.mean(x);
        double meanY = Statistics.mean(y);
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (x[i] - meanX) * (x[i] - meanX);
            sxy += (x[i] - meanX) * (y[i] - meanY);
        }
        if (sxx == 0) {
            return Optional.empty();
        }
        double slope = sxy / sxx;
        double[] residuals = new double[n];
        double sse = 0;
        for (int i = 0; i < n; i++) {
            residuals[i] = y[i] - (meanY + slope * (x[i] - meanX));
            sse += residuals[i] * residuals[i];
        }
        double effective = effectiveSamples(residuals, sse);
        double pValue;
        if (sse == 0) {
            pValue = slope == 0 ? 1 : 0;
        } else {
            double standardError = Math.sqrt(sse / (effective - 2) / sxx);
            pValue = Statistics.studentTwoSidedP(slope / standardError, effective - 2);
        }
        double change = slope * (x[n - 1] - x[0]);
        double reference = level != null ? level : meanY;
        boolean matters = Math.abs(change) >= minChange && Math.abs(change) >= minRelativeChange * Math.abs(reference);
        Trend.Direction direction = pValue < significance && matters
                ? (slope > 0 ? Trend.Direction.RISING : Trend.Direction.FALLING)
                : Trend.Direction.FLAT;
        return Optional.of(new Trend(slope, change, pValue, effective, direction));
    }

    private static double effectiveSamples(double[] residuals, double sse) {
        int n = residuals.length;
        if (sse == 0) {
            return n;
        }
        double lagged = 0;
        for (int i = 1; i < n; i++) {
            lagged += residuals[i] * residuals[i - 1];
        }
        double r1 = lagged / sse;
        if (r1 <= 0) {
            return n;
        }
        // At least 3, so the t-test keeps one degree of freedom.
        return Math.max(3, Math.min(n, n * (1 - r1) / (1 + r1)));
    }
}
