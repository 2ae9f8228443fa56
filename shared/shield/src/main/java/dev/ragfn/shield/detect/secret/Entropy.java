package dev.ragfn.shield.detect.secret;

import java.util.HashMap;
import java.util.Map;

/** Shannon entropy per character: random keys score high, words and placeholders low. */
public final class Entropy {

    private Entropy() {
    }

    public static double bitsPerChar(String s) {
        if (s.isEmpty()) {
            return 0;
        }
        Map<Integer, Integer> counts = new HashMap<>();
        s.chars().forEach(c -> counts.merge(c, 1, Integer::sum));
        double bits = 0;
        for (int count : counts.values()) {
            double p = (double) count / s.length();
            bits -= p * Math.log(p) / Math.log(2);
        }
        return bits;
    }
}
