package dev.ragfn.summarize.analysis;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.IntToDoubleFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TrendDetectorTest {

    private final TrendDetector detector = new TrendDetector(0.001, 0.05);

    @Test
    void should_find_a_rising_trend_with_its_slope_when_a_series_creeps_up() {
        // given 0.30 rising to 0.60 over 6 hours, with noise
        IntToDoubleFunction noise = Series.noise(1, 0, 0.01);
        List<Sample> series = Series.of(361, i -> 0.30 + 0.30 * i / 360 + noise.applyAsDouble(i));

        Trend trend = detector.detect(series, 0.05).orElseThrow();

        assertThat(trend.direction()).isEqualTo(Trend.Direction.RISING);
        assertThat(trend.slopePerHour()).isCloseTo(0.05, within(0.002));
        assertThat(trend.change()).isCloseTo(0.30, within(0.01));
        assertThat(trend.pValue()).isLessThan(1e-9);
    }

    @Test
    void should_find_a_falling_trend_when_a_series_declines() {
        List<Sample> series = Series.of(120, i -> 100 - 0.5 * i + (i % 2 == 0 ? 1 : -1));

        assertThat(detector.detect(series, 1).orElseThrow().direction()).isEqualTo(Trend.Direction.FALLING);
    }

    @Test
    void should_report_no_trend_when_the_series_is_noise() {
        for (long seed = 1; seed <= 50; seed++) {
            List<Sample> series = Series.of(180, Series.noise(seed, 65, 0.5));

            Trend trend = detector.detect(series, 3).orElseThrow();

            assertThat(trend.direction()).as("seed %d", seed).isEqualTo(Trend.Direction.FLAT);
        }
    }

    @Test
    void should_not_call_a_random_walk_a_trend_when_its_slope_is_only_autocorrelation() {
        // given a strongly autocorrelated series whose plain t-test would be wildly "significant"
        IntToDoubleFunction shocks = Series.noise(7, 0, 1);
        double[] walk = new double[360];
        for (int i = 1; i < walk.length; i++) {
            walk[i] = 0.97 * walk[i - 1] + shocks.applyAsDouble(i);
        }
        List<Sample> series = Series.of(360, i -> 50 + walk[i]);

        Trend trend = detector.detect(series, 0.5).orElseThrow();

        assertThat(trend.effectiveSamples()).isLessThan(40);
    }

    @Test
    void should_ignore_a_significant_slope_when_its_change_is_too_small_to_matter() {
        // given a perfectly clean but tiny rise: 65.0 to 65.3 degrees over 6 hours
        List<Sample> series = Series.of(361, i -> 65 + 0.3 * i / 360);

        Trend trend = detector.detect(series, 3).orElseThrow();

        assertThat(trend.pValue()).isLessThan(0.001);
        assertThat(trend.direction()).isEqualTo(Trend.Direction.FLAT);
    }

    @Test
    void should_give_nothing_when_there_are_too_few_finite_samples() {
        assertThat(detector.detect(Series.of(20, i -> i % 3 == 0 ? i : Double.NaN), 1)).isEmpty();
    }
}
