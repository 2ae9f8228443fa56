package dev.ragfn.summarize;

import dev.ragfn.summarize.analysis.Sample;
import dev.ragfn.summarize.metrics.Metric;

import java.util.List;

/**
 * What was fetched for one metric.
 *
 * @param source    raw metric used, null when none of the metric's sources exists in the scope
 * @param samples   the window's samples
 * @param dayBefore the samples of the same hours a day earlier, the daily baseline; empty if none
 * @param note      why there are no samples, or null
 */
record MetricData(Metric metric, String source, String query, List<Sample> samples, List<Sample> dayBefore,
                  String note) {

    static MetricData without(Metric metric, String source, String query, String note) {
        return new MetricData(metric, source, query, List.of(), List.of(), note);
    }
}
