package dev.ragfn.retrieve.bench;

import java.util.Arrays;
import java.util.Random;

/**
 * Seeded benchmark data: unit vectors with Gaussian components, and text drawn from a made-up
 * vocabulary with Zipf-distributed word frequencies, so BM25 sees long posting lists for common
 * words and short ones for rare words, as in natural text.
 */
final class SyntheticCorpus {

    private static final String[] CONSONANTS = {"b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z"};
    private static final String[] VOWELS = {"a", "e", "i", "o", "u"};

    private final Random random;
    private final int dimension;
    private final String[] words;
    private final double[] cumulative;

    SyntheticCorpus(long seed, int dimension, int vocabulary) {
        this.random = new Random(seed);
        this.dimension = dimension;
        this.words = new String[vocabulary];
        this.cumulative = new double[vocabulary];
        double sum = 0;
        for (int i = 0; i < vocabulary; i++) {
            words[i] = word(i);
            sum += 1.0 / (i + 1);
            cumulative[i] = sum;
        }
        for (int i = 0; i < vocabulary; i++) {
            cumulative[i] /= sum;
        }
    }

    float[] vector() {
        float[] v = new float[dimension];
        double norm = 0;
        for (int i = 0; i < dimension; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < dimension; i++) {
            v[i] *= scale;
        }
        return v;
    }

    String text(int words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            text.append(i == 0 ? "" : " ").append(word());
        }
        return text.toString();
    }

    private String word() {
        int i = Arrays.binarySearch(cumulative, random.nextDouble());
        return words[Math.min(words.length - 1, i < 0 ? -i - 1 : i)];
    }

    /** A pronounceable, distinct word for each index: syllables are the digits of the index. */
    private static String word(int index) {
        int base = CONSONANTS.length * VOWELS.length;
        StringBuilder word = new StringBuilder();
        int n = index;
        do {
            int syllable = n % base;
            word.append(CONSONANTS[syllable / VOWELS.length]).append(VOWELS[syllable % VOWELS.length]);
            n /= base;
        } while (n > 0);
        return word.append("x").toString();
    }
}
