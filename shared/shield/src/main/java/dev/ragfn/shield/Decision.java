package dev.ragfn.shield;

import java.util.Locale;
import java.util.Optional;

/**
 * What to do with a text, in increasing severity. A policy assigns one to each category of
 * finding, and a verdict carries the most severe one any finding called for.
 */
public enum Decision {
    /** Pass the text on unchanged. */
    ALLOW,
    /** Pass the text on with the offending spans replaced. */
    REDACT,
    /** Do not pass the text on. */
    BLOCK;

    public Decision atLeast(Decision other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public static Optional<Decision> byName(String name) {
        for (Decision decision : values()) {
            if (decision.name().equals(name.toUpperCase(Locale.ROOT))) {
                return Optional.of(decision);
            }
        }
        return Optional.empty();
    }
}
