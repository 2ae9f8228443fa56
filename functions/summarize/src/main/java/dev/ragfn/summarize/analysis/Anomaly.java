package dev.ragfn.summarize.analysis;

import java.time.Instant;

/**
 * One incident: consecutive samples far from the series' robust baseline, or at or above the
 * metric's limit, merged into one.
 *
 * @param start          time of the first outlying sample
 * @param end            time of the last outlying sample
 * @param peak           the sample furthest from the baseline
 * @param baseline       the level expected at the peak's time: the series' median, or with a daily
 *                       baseline the same hour a day earlier shifted by the median difference
 * @param robustZ        the peak's distance from the baseline in robust standard deviations; null
 *                       when the series has no spread at all (every other sample equal)
 * @param ongoing        the incident lasts until the end of the window
 * @param flatSince      for a plateau, when the level stopped changing; null otherwise
 * @param aboveLimitFrom when the incident reached the metric's limit; null if it stayed below
 */
public record Anomaly(Kind kind, Instant start, Instant end, Sample peak, double baseline, Double robustZ,
                      boolean ongoing, Instant flatSince, Instant aboveLimitFrom) {

    public enum Kind {
        /** Above the baseline for a while. */
        SPIKE,
        /** Below the baseline for a while. */
        DROP,
        /** Rose above the baseline and stayed flat there for a long stretch, like memory that filled up. */
        PLATEAU,
        /** At or above the metric's limit without departing from its usual level: a chronic problem. */
        ABOVE_LIMIT
    }

    /** Whether the incident and the time span overlap. */
    public boolean overlaps(Instant from, Instant to) {
        return !start.isAfter(to) && !end.isBefore(from);
    }

    /** This incident, also reaching the limit over {@code crossing}. */
    Anomaly withLimitCrossing(Anomaly crossing) {
        Instant first = crossing.start.isBefore(start) ? crossing.start : start;
        Instant last = crossing.end.isAfter(end) ? crossing.end : end;
        return new Anomaly(kind, first, last, peak, baseline, robustZ, ongoing || crossing.ongoing, flatSince,
                crossing.start);
    }
}
