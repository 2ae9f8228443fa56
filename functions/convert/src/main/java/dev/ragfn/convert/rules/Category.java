package dev.ragfn.convert.rules;

/** A kind of pattern the rules detect, reported as detected when its confidence reaches the minimum. */
public record Category(String id, String name, int minConfidence) {
}
