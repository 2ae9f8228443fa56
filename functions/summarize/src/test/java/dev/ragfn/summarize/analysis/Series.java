package dev.ragfn.summarize.analysis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntToDoubleFunction;

/** Synthetic series for the analysis tests: one sample per minute from {@link #T0}. */
final class Series {

    static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");

    private Series() {
    }

    static Instant minute(int i) {
        return T0.plus(Duration.ofMinutes(i));
    }

    static List<Sample> of(int minutes, IntToDoubleFunction value) {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < minutes; i++) {
            samples.add(new Sample(minute(i), value.applyAsDouble(i)));
        }
        return samples;
    }

    /** Gaussian noise around {@code level}, reproducible from {@code seed}. */
    static IntToDoubleFunction noise(long seed, double level, double sigma) {
        Random random = new Random(seed);
        double[] values = new double[100_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = level + sigma * random.nextGaussian();
        }
        return i -> values[i];
    }
}
