package dev.ragfn.summarize.report;

import dev.ragfn.summarize.analysis.Correlation;

/** A strong, significant correlation between two metrics, with what it means for an operator. */
public record CorrelationFinding(Correlation correlation, String meaning) {
}
