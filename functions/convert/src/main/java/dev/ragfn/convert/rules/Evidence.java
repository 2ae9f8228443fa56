package dev.ragfn.convert.rules;

/** One rule match: which rule, where (line 0 when unknown), and what it saw. */
public record Evidence(String rule, String file, int line, String message) {
}
