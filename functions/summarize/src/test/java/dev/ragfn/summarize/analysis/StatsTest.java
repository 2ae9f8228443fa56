package dev.ragfn.summarize.analysis;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StatsTest {

    @Test
    void should_describe_the_finite_samples_when_some_are_nan_or_infinite() {
        // given 1..100 with three broken samples in between
        List<Sample> series = Series.of(103, i -> switch (i) {
            case 10 -> Double.NaN;
            case 20 -> Double.POSITIVE_INFINITY;
            case 30 -> Double.NEGATIVE_INFINITY;
            default -> i < 10 ? i + 1 : i < 20 ? i : i < 30 ? i - 1 : i - 2;
        });

        Stats stats = Stats.of(series).orElseThrow();

        assertThat(stats.samples()).isEqualTo(100);
        assertThat(stats.nonFiniteSamples()).isEqualTo(3);
        assertThat(stats.min()).isEqualTo(1);
        assertThat(stats.max()).isEqualTo(100);
        assertThat(stats.mean()).isEqualTo(50.5);
        assertThat(stats.p50()).isEqualTo(50.5);
        assertThat(stats.p95()).isCloseTo(95.05, within(1e-9));
        assertThat(stats.p99()).isCloseTo(99.01, within(1e-9));
        assertThat(stats.latest()).isEqualTo(100);
        assertThat(stats.latestTime()).isEqualTo(Series.minute(102));
    }

    @Test
    void should_give_nothing_when_no_sample_is_finite() {
        assertThat(Stats.of(Series.of(5, i -> Double.NaN))).isEmpty();
        assertThat(Stats.of(List.of())).isEmpty();
    }
}
