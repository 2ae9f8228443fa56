package dev.ragfn.summarize.metrics;

import dev.ragfn.core.error.InvalidInputException;

/**
 * What a summary covers: a namespace and a model, either of which may be absent (all of them).
 * GPU and HTTP metrics carry no model label: with a model, they are joined to its pods
 * ({@link ScopedSeries}).
 */
public record Scope(String namespace, String model) {

    public Scope {
        namespace = blankToNull(namespace);
        model = blankToNull(model);
        check("namespace", namespace);
        check("model", model);
    }

    /** The scope as the summary store keys it: "namespace/model", with "*" for an absent part. */
    public String id() {
        return (namespace == null ? "*" : namespace) + "/" + (model == null ? "*" : model);
    }

    @Override
    public String toString() {
        return id();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static void check(String field, String value) {
        if (value != null && (value.length() > 253 || value.chars().anyMatch(Character::isISOControl))) {
            throw new InvalidInputException("scope " + field + " must be at most 253 printable characters but was '"
                    + value + "'");
        }
    }
}
