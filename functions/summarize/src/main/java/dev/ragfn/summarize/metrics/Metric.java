package dev.ragfn.summarize.metrics;

import java.util.List;

/**
 * One metric a summary reports on, defined by a PromQL template.
 *
 * @param name      stable key in the report, such as "e2e_latency_p95"
 * @param sources   raw metric names the query can use, preferred first; the first one that exists
 *                  in the scope replaces {@code $metric} in the template
 * @param template  PromQL with {@code $metric}, {@code $sel} (the scope's label matchers, without
 *                  braces) and {@code $range} (the rate window)
 * @param labels    which scope labels the raw metric carries
 * @param minChange smallest deviation or change worth reporting, in {@code unit}
 * @param limit     level that is a problem whenever the series' p95 reaches it, or null for none
 * @param weight    health points an incident or adverse trend of this metric costs; 0 for metrics
 *                  that describe load rather than health
 * @param advice    what an operator should look at when this metric is in trouble
 */
public record Metric(String name, String title, String unit, List<String> sources, String template,
                     Labels labels, Badness badness, double minChange, Double limit, int weight, String advice) {

    /** Which direction of change hurts. */
    public enum Badness { HIGHER_IS_WORSE, LOWER_IS_WORSE, NEUTRAL }

    /** The scope labels a metric family carries. */
    public enum Labels { NAMESPACE_AND_MODEL, NAMESPACE }

    /** Whether a move in this direction (+1 up, -1 down) is bad news. */
    public boolean adverse(int sign) {
        return switch (badness) {
            case HIGHER_IS_WORSE -> sign > 0;
            case LOWER_IS_WORSE -> sign < 0;
            case NEUTRAL -> false;
        };
    }
}
