package dev.ragfn.summarize.report;

import java.time.Instant;

/** Health points lost, for one reason; {@code at} is when the problem started, or null for the whole window. */
public record Deduction(int points, String metric, String reason, Instant at) {
}
