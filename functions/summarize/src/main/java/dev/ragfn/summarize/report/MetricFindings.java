package dev.ragfn.summarize.report;

import dev.ragfn.summarize.analysis.Anomaly;
import dev.ragfn.summarize.analysis.Stats;
import dev.ragfn.summarize.analysis.Trend;

import java.util.List;

/**
 * What the analysis found for one metric.
 *
 * @param source        raw metric the query used, or null when none exists in the scope
 * @param limit         level at or above which the metric is a problem, or null
 * @param stats         null when the window holds no finite sample
 * @param dailyBaseline whether trend and incidents were judged against the same hours a day earlier
 *                      (false when there were no samples then: the daily cycle was not removed)
 * @param trend         null with too few samples for a trend; with a daily baseline, the trend of
 *                      the difference to the day before
 * @param note          why facts are missing (metric absent, query failed, no samples), or null
 */
public record MetricFindings(String name, String title, String unit, String source, String query, Double limit,
                             Stats stats, boolean dailyBaseline, Trend trend, List<Anomaly> anomalies, String note) {

    public boolean hasData() {
        return stats != null;
    }
}
