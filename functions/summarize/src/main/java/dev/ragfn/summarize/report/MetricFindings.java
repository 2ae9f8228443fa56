package dev.ragfn.summarize.report;

import dev.ragfn.summarize.analysis.Anomaly;
import dev.ragfn.summarize.analysis.Stats;
import dev.ragfn.summarize.analysis.Trend;

import java.util.List;

/**
 * What the analysis found for one metric.
 *
 * @param source raw metric the query used, or null when none exists in the scope
 * @param stats  null when the window holds no finite sample
 * @param trend  null with too few samples for a trend
 * @param note   why facts are missing (metric absent, query failed, no samples), or null
 */
public record MetricFindings(String name, String title, String unit, String source, String query,
                             Stats stats, Trend trend, List<Anomaly> anomalies, String note) {

    public boolean hasData() {
        return stats != null;
    }
}
