package dev.ragfn.summarize.analysis;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.IntToDoubleFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CorrelationsTest {

    @Test
    void should_find_a_strong_correlation_when_latency_rises_with_waiting_requests() {
        IntToDoubleFunction noise = Series.noise(9, 0, 0.05);
        List<Sample> waiting = Series.of(200, i -> i >= 100 && i < 110 ? 20 : 0);
        List<Sample> latency = Series.of(200, i -> (i >= 100 && i < 110 ? 5 : 0.8) + noise.applyAsDouble(i));

        Correlation correlation = Correlations.pearson("latency", latency, "waiting", waiting).orElseThrow();

        assertThat(correlation.coefficient()).isGreaterThan(0.95);
        assertThat(correlation.pValue()).isLessThan(1e-10);
        assertThat(correlation.samples()).isEqualTo(200);
    }

    @Test
    void should_find_no_correlation_when_series_are_independent_noise() {
        Correlation correlation = Correlations.pearson(
                "a", Series.of(300, Series.noise(1, 10, 1)), "b", Series.of(300, Series.noise(2, 10, 1))).orElseThrow();

        assertThat(correlation.coefficient()).isCloseTo(0, within(0.2));
        assertThat(correlation.pValue()).isGreaterThan(0.001);
    }

    @Test
    void should_use_only_shared_finite_timestamps_and_give_nothing_when_a_series_is_constant() {
        List<Sample> constant = Series.of(100, i -> 0);
        List<Sample> sparse = Series.of(100, i -> i % 2 == 0 ? Double.NaN : i);

        assertThat(Correlations.pearson("a", constant, "b", Series.of(100, i -> i))).isEmpty();
        assertThat(Correlations.pearson("a", sparse, "b", Series.of(100, i -> -i)).orElseThrow().samples()).isEqualTo(50);
    }
}
