package dev.ragfn.summarize.metrics;

import java.util.List;

/**
 * One metric a summary reports on, defined by the PromQL it is read with.
 *
 * @param name      stable key in the report, such as "e2e_latency_p95"
 * @param sources   raw metric names the query can use, preferred first; the first one that exists
 *                  in the scope is handed to {@code query}
 * @param query     builds the PromQL from the chosen source and the scope's series selectors
 * @param family    which exporter writes the raw metrics, and so which labels scope them
 * @param minChange smallest deviation or change worth reporting, in {@code unit}
 * @param limit     level at or above which the metric is a problem, reported as a timed incident;
 *                  null for none
 * @param weight    health points an incident or adverse trend of this metric costs; 0 for metrics
 *                  that describe load rather than health
 * @param advice    what an operator should look at when this metric is in trouble
 */
public record Metric(String name, String title, String unit, List<String> sources, Query query,
                     Family family, Badness badness, double minChange, Double limit, int weight, String advice) {

    /** Which direction of change hurts. */
    public enum Badness { HIGHER_IS_WORSE, LOWER_IS_WORSE, NEUTRAL }

    /**
     * The exporter behind a metric. Each labels its series differently, so each is scoped
     * differently (see {@link ScopedSeries}).
     */
    public enum Family {
        /** vLLM's /metrics: namespace and pod from the scrape, the served model in its own label. */
        VLLM,
        /** The HTTP counters of vLLM's API server: namespace and pod from the scrape, no model label. */
        HTTP,
        /** dcgm-exporter: one series per GPU, the pod using it in (exported_)namespace and (exported_)pod. */
        DCGM,
        /** ragfn's own /q/metrics: namespace from the scrape, no model label. */
        PLATFORM
    }

    /** The PromQL of a metric for one scope. */
    @FunctionalInterface
    public interface Query {
        String build(String source, ScopedSeries series);
    }

    /** Whether a move in this direction (+1 up, -1 down) is bad news. */
    public boolean adverse(int sign) {
        return switch (badness) {
            case HIGHER_IS_WORSE -> sign > 0;
            case LOWER_IS_WORSE -> sign < 0;
            case NEUTRAL -> false;
        };
    }
}
