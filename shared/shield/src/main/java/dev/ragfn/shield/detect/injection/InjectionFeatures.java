package dev.ragfn.shield.detect.injection;

import java.util.Arrays;

/**
 * Hashed bag of n-grams of a normalized text, the input of {@link InjectionClassifier}: words, word pairs, and
 * character 1- to 5-grams of the text with its spaces (so words split mid-word and unknown spellings still share
 * features with the plain ones). Each feature counts once; the vector has unit length.
 */
public final class InjectionFeatures {

    /** Number of hash buckets; a power of two. */
    public static final int DIMENSIONS = 1 << 16;
    /** Texts are cut here: the classifier decides on the beginning of a long text, and the cost stays bounded. */
    static final int MAX_CHARS = 4000;

    private InjectionFeatures() {
    }

    /** Sorted distinct bucket indices; every one has the value {@code 1/sqrt(count)}. */
    public static int[] of(String normalized) {
        String text = normalized.length() > MAX_CHARS ? normalized.substring(0, MAX_CHARS) : normalized;
        int[] buckets = new int[text.length() * 6 + 16];
        int count = 0;
        String padded = " " + text + " ";
        for (int n = 1; n <= 5; n++) {
            for (int i = 0; i + n <= padded.length(); i++) {
                buckets[count++] = bucket(n, padded, i, i + n);
            }
        }
        String[] words = text.split("[^\\p{L}\\p{N}']+");
        String previous = "<s>";
        for (String word : words) {
            if (word.isEmpty()) {
                continue;
            }
            if (count + 2 > buckets.length) {
                buckets = Arrays.copyOf(buckets, buckets.length * 2);
            }
            buckets[count++] = bucket(11, word, 0, word.length());
            String pair = previous + " " + word;
            buckets[count++] = bucket(12, pair, 0, pair.length());
            previous = word;
        }
        int[] sorted = Arrays.copyOf(buckets, count);
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[distinct++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, distinct);
    }

    /** FNV-1a over the characters, seeded by the kind of feature, folded into the bucket range. */
    private static int bucket(int kind, String s, int from, int to) {
        int hash = 0x811c9dc5 ^ kind * 0x01000193;
        for (int i = from; i < to; i++) {
            hash ^= s.charAt(i);
            hash *= 0x01000193;
        }
        hash ^= hash >>> 15;
        return hash & (DIMENSIONS - 1);
    }
}
