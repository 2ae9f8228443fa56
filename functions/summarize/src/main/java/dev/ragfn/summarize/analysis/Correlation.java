package dev.ragfn.summarize.analysis;

/**
 * Pearson's correlation of two metrics over the timestamps where both have a finite sample.
 *
 * @param pValue two-sided p-value of the t-test that the coefficient is zero
 */
public record Correlation(String first, String second, double coefficient, double pValue, int samples) {
}
