package dev.ragfn.summarize.analysis;

import java.time.Instant;

/**
 * One incident: consecutive samples far from the series' robust baseline, merged into one.
 *
 * @param start     time of the first outlying sample
 * @param end       time of the last outlying sample
 * @param peak      the sample furthest from the baseline
 * @param baseline  the series' median, the level it departed from
 * @param robustZ   the peak's distance from the baseline in robust standard deviations; null
 *                  when the series has no spread at all (every other sample equal)
 * @param ongoing   the incident lasts until the end of the window
 * @param flatSince for a plateau, when the level stopped changing; null otherwise
 */
public record Anomaly(Kind kind, Instant start, Instant end, Sample peak, double baseline, Double robustZ,
                      boolean ongoing, Instant flatSince) {

    public enum Kind {
        /** Above the baseline for a while. */
        SPIKE,
        /** Below the baseline for a while. */
        DROP,
        /** Rose above the baseline and stayed flat there for a long stretch, like memory that filled up. */
        PLATEAU
    }
}
