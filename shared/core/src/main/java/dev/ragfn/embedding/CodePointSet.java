package dev.ragfn.embedding;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An immutable set of code points: a bitmap of the Basic Multilingual Plane, where nearly every
 * character of a text lies, and sorted disjoint ranges, searched by bisection, for the rest.
 */
final class CodePointSet {

    private static final int BMP = 0x10000;

    private final long[] bmp = new long[BMP / 64];
    private final int[] starts;
    private final int[] ends;

    private CodePointSet(int[] starts, int[] ends) {
        this.starts = starts;
        this.ends = ends;
        for (int range = 0; range < starts.length && starts[range] < BMP; range++) {
            for (int c = starts[range]; c <= Math.min(ends[range], BMP - 1); c++) {
                bmp[c >>> 6] |= 1L << c;
            }
        }
    }

    boolean contains(int codePoint) {
        if (codePoint < BMP) {
            return (bmp[codePoint >>> 6] & (1L << codePoint)) != 0;
        }
        int i = Arrays.binarySearch(starts, codePoint);
        // Not a start: the range that starts before it is the only one that can hold it.
        int range = i >= 0 ? i : -i - 2;
        return range >= 0 && codePoint <= ends[range];
    }

    /**
     * Reads named sets from a text resource beside this class: a line starts a set with its name,
     * then code points and ranges in hex ("00AD 0600..0605"); a line that starts with a space goes
     * on with the set above; "#" starts a comment line.
     */
    static Map<String, CodePointSet> read(String resource) {
        Map<String, Builder> sets = new LinkedHashMap<>();
        try (InputStream in = CodePointSet.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            var lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            Builder current = null;
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.strip().split(" +");
                boolean continued = line.startsWith(" ");
                if (!continued) {
                    current = sets.computeIfAbsent(fields[0], name -> new Builder());
                } else if (current == null) {
                    throw new IllegalStateException(resource + " continues a set before naming one");
                }
                for (int i = continued ? 0 : 1; i < fields.length; i++) {
                    current.add(fields[i]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read " + resource, e);
        }
        Map<String, CodePointSet> built = new LinkedHashMap<>();
        sets.forEach((name, builder) -> built.put(name, builder.build()));
        return built;
    }

    /** Takes code points and ranges in hex ("00AD", "0600..0605"), in ascending order. */
    private static final class Builder {

        private int[] starts = new int[64];
        private int[] ends = new int[64];
        private int size;

        void add(String hex) {
            int dots = hex.indexOf("..");
            int start = Integer.parseInt(dots < 0 ? hex : hex.substring(0, dots), 16);
            int end = dots < 0 ? start : Integer.parseInt(hex.substring(dots + 2), 16);
            if (end < start || (size > 0 && start <= ends[size - 1])) {
                throw new IllegalArgumentException("code point ranges out of order at " + hex);
            }
            if (size == starts.length) {
                starts = Arrays.copyOf(starts, size * 2);
                ends = Arrays.copyOf(ends, size * 2);
            }
            starts[size] = start;
            ends[size] = end;
            size++;
        }

        CodePointSet build() {
            return new CodePointSet(Arrays.copyOf(starts, size), Arrays.copyOf(ends, size));
        }
    }
}
