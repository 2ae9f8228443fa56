package dev.ragfn.convert.pattern;

import java.util.SortedMap;

/**
 * A converted pattern: every file by its path in the pattern repository, in path order, and the
 * report that explains it. {@code nothingToConvert} patterns hold only the report.
 */
public record GeneratedPattern(String name, boolean nothingToConvert, SortedMap<String, byte[]> files, ConversionReport report) {
}
