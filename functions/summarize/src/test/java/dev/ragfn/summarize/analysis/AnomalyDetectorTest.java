package dev.ragfn.summarize.analysis;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.function.IntToDoubleFunction;

import static org.assertj.core.api.Assertions.assertThat;

class AnomalyDetectorTest {

    private final AnomalyDetector detector = new AnomalyDetector(5, Duration.ofMinutes(30));

    @Test
    void should_find_one_spike_with_its_times_when_latency_jumps_for_ten_minutes() {
        // given 0.8 s with noise, 5 s from minute 120 to 129
        IntToDoubleFunction noise = Series.noise(3, 0.8, 0.05);
        List<Sample> series = Series.of(360, i -> i >= 120 && i < 130 ? 5 + noise.applyAsDouble(i) - 0.8 : noise.applyAsDouble(i));

        List<Anomaly> anomalies = detector.detect(series, 0.1);

        assertThat(anomalies).hasSize(1);
        Anomaly spike = anomalies.getFirst();
        assertThat(spike.kind()).isEqualTo(Anomaly.Kind.SPIKE);
        assertThat(spike.start()).isEqualTo(Series.minute(120));
        assertThat(spike.end()).isEqualTo(Series.minute(129));
        assertThat(spike.peak().value()).isGreaterThan(4.8);
        assertThat(spike.baseline()).isBetween(0.78, 0.82);
        assertThat(spike.robustZ()).isGreaterThan(50);
        assertThat(spike.ongoing()).isFalse();
    }

    @Test
    void should_merge_outliers_into_one_incident_when_a_single_ordinary_sample_splits_them() {
        List<Sample> series = Series.of(100, i -> i == 40 || i == 42 || i == 43 ? 50 : 10 + (i % 3));

        List<Anomaly> anomalies = detector.detect(series, 1);

        assertThat(anomalies).singleElement().satisfies(a -> {
            assertThat(a.start()).isEqualTo(Series.minute(40));
            assertThat(a.end()).isEqualTo(Series.minute(43));
        });
    }

    @Test
    void should_find_a_drop_when_throughput_falls_to_zero() {
        IntToDoubleFunction noise = Series.noise(4, 5, 0.2);
        List<Sample> series = Series.of(300, i -> i >= 200 && i < 210 ? 0 : noise.applyAsDouble(i));

        assertThat(detector.detect(series, 0.5)).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(Anomaly.Kind.DROP);
            assertThat(a.start()).isEqualTo(Series.minute(200));
            assertThat(a.end()).isEqualTo(Series.minute(209));
        });
    }

    @Test
    void should_find_a_plateau_and_when_it_went_flat_when_memory_fills_up_and_stays() {
        // given 40 GB with noise, a climb from minute 210 to 240, then exactly 79 GB to the end
        IntToDoubleFunction noise = Series.noise(5, 40_000, 200);
        List<Sample> series = Series.of(360, i -> i < 210 ? noise.applyAsDouble(i)
                : i < 240 ? 40_000 + 39_000.0 * (i - 210) / 30 : 79_000);

        List<Anomaly> anomalies = detector.detect(series, 1024);

        assertThat(anomalies).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(Anomaly.Kind.PLATEAU);
            assertThat(a.start()).isBetween(Series.minute(210), Series.minute(214));
            assertThat(a.flatSince()).isBetween(Series.minute(238), Series.minute(240));
            assertThat(a.end()).isEqualTo(Series.minute(359));
            assertThat(a.peak().value()).isEqualTo(79_000);
            assertThat(a.ongoing()).isTrue();
        });
    }

    @Test
    void should_find_the_plateau_against_the_level_before_when_it_lasts_most_of_the_window() {
        // given memory rising at minute 90 and held at 79 GB for the remaining three quarters
        IntToDoubleFunction noise = Series.noise(6, 40_000, 200);
        List<Sample> series = Series.of(480, i -> i < 90 ? noise.applyAsDouble(i)
                : i < 120 ? 40_000 + 39_000.0 * (i - 90) / 30 : 79_000);

        List<Anomaly> anomalies = detector.detect(series, 1024);

        assertThat(anomalies).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(Anomaly.Kind.PLATEAU);
            assertThat(a.start()).isBetween(Series.minute(90), Series.minute(92));
            assertThat(a.flatSince()).isBetween(Series.minute(118), Series.minute(120));
            assertThat(a.baseline()).isBetween(39_800.0, 40_200.0);
            assertThat(a.ongoing()).isTrue();
        });
    }

    @Test
    void should_still_call_it_a_drop_when_a_series_starts_low_and_then_varies() {
        IntToDoubleFunction noise = Series.noise(8, 5, 0.2);
        List<Sample> series = Series.of(300, i -> i < 60 ? 0 : noise.applyAsDouble(i));

        assertThat(detector.detect(series, 0.5)).singleElement()
                .satisfies(a -> assertThat(a.kind()).isEqualTo(Anomaly.Kind.DROP));
    }

    @Test
    void should_report_nothing_when_the_series_is_quiet() {
        for (long seed = 1; seed <= 50; seed++) {
            List<Sample> series = Series.of(360, Series.noise(seed, 300, 10));

            assertThat(detector.detect(series, 20)).as("seed %d", seed).isEmpty();
        }
    }

    @Test
    void should_find_a_burst_when_a_series_that_is_always_zero_departs_from_it() {
        // given an error ratio of exactly 0 (MAD 0), then 20 % for 10 minutes, and NaN where there was no traffic
        List<Sample> series = Series.of(300, i -> i >= 150 && i < 160 ? 0.2 : i % 50 == 0 ? Double.NaN : 0);

        assertThat(detector.detect(series, 0.01)).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(Anomaly.Kind.SPIKE);
            assertThat(a.start()).isEqualTo(Series.minute(150));
            assertThat(a.end()).isEqualTo(Series.minute(159));
            assertThat(a.robustZ()).isNull();
        });
    }
}
