package dev.ragfn.convert.pattern;

/**
 * A product an operator Subscription or CSV installs.
 *
 * @param product null when the package is not one the converter knows
 * @param version from the CSV or startingCSV; null when only the channel is known
 */
public record Product(String packageName, String product, String version, String channel, String file) {
}
