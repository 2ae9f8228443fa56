package dev.ragfn.summarize;

import java.time.Instant;
import java.util.List;

/**
 * The payload of {@code dev.ragfn.summary.created}.
 *
 * @param status      COMPLETE, PARTIAL, NO_DATA or SOURCE_UNAVAILABLE
 * @param healthScore 0 to 100, or null when there was nothing to judge
 * @param stored      false when Prometheus could not be read: nothing is stored, so a later run can fill the window
 * @param duplicate   a summary of this window existed already and is returned instead of a new one
 */
public record SummaryCreated(String tenant, String scope, Instant windowStart, Instant windowEnd, String status,
                             Integer healthScore, List<String> attention, boolean stored, boolean duplicate,
                             Instant createdAt, String markdown) {
}
