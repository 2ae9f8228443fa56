package dev.ragfn.summarize.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Every fact a summary states, computed without a language model. Writers turn these into prose
 * and may not contradict them.
 *
 * @param healthScore 0 to 100, or null when there was nothing to judge (no data, Prometheus unreachable)
 * @param deductions  why the score is below 100, largest first
 * @param attention   the few deductions and problems an operator should look at first
 * @param problems    what limited the analysis: unreachable source, missing metrics, NaN samples
 */
public record Findings(String scope, Instant windowStart, Instant windowEnd, Duration step, Status status,
                       Integer healthScore, List<Deduction> deductions, List<MetricFindings> metrics,
                       List<CorrelationFinding> correlations, List<String> recommendations,
                       List<Deduction> attention, List<String> problems, List<String> missingMetrics,
                       int queryCount) {

    public enum Status {
        /** Every metric had data. */
        COMPLETE,
        /** Some metrics were missing, empty or failed; the rest is analysed. */
        PARTIAL,
        /** Prometheus answered, but no metric has a sample in the window and scope. */
        NO_DATA,
        /** Prometheus could not be reached or refused the request. */
        SOURCE_UNAVAILABLE
    }
}
