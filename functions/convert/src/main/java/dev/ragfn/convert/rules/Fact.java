package dev.ragfn.convert.rules;

/**
 * One thing discovery saw in the source, for rules to match.
 *
 * @param line 1-based line in {@code file}, or 0 when unknown
 */
public record Fact(RuleType type, String key, String value, String file, int line) {
}
