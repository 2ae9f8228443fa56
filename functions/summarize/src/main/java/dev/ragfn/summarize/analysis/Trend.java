package dev.ragfn.summarize.analysis;

/**
 * A least-squares linear trend with its significance.
 *
 * @param slopePerHour   fitted change per hour, in the series' unit
 * @param change         fitted change from the first to the last sample
 * @param pValue         two-sided p-value of the slope's t-test (autocorrelation-adjusted)
 * @param effectiveSamples samples after discounting the residuals' autocorrelation
 * @param direction      RISING or FALLING only when the slope is significant and large enough to matter
 */
public record Trend(double slopePerHour, double change, double pValue, double effectiveSamples, Direction direction) {

    public enum Direction { RISING, FALLING, FLAT }

    public boolean significant() {
        return direction != Direction.FLAT;
    }
}
