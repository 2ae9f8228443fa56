package dev.ragfn.summarize;

import dev.ragfn.summarize.analysis.Sample;
import dev.ragfn.summarize.metrics.Metric;

import java.util.List;

/**
 * What was fetched for one metric.
 *
 * @param source raw metric used, null when none of the metric's sources exists in the scope
 * @param note   why there are no samples, or null
 */
record MetricData(Metric metric, String source, String query, List<Sample> samples, String note) {
}
