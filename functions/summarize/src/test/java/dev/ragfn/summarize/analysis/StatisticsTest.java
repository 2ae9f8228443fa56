package dev.ragfn.summarize.analysis;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StatisticsTest {

    @Test
    void should_match_tabulated_values_when_computing_student_t_p_values() {
        // Critical values from standard t tables.
        assertThat(Statistics.studentTwoSidedP(2.228, 10)).isCloseTo(0.05, within(5e-4));
        assertThat(Statistics.studentTwoSidedP(3.169, 10)).isCloseTo(0.01, within(1e-4));
        assertThat(Statistics.studentTwoSidedP(1.960, 100_000)).isCloseTo(0.05, within(5e-4));
        assertThat(Statistics.studentTwoSidedP(-12.706, 1)).isCloseTo(0.05, within(5e-4));
        assertThat(Statistics.studentTwoSidedP(0, 7)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void should_match_factorials_when_computing_log_gamma() {
        assertThat(Statistics.lnGamma(5)).isCloseTo(Math.log(24), within(1e-12));
        assertThat(Statistics.lnGamma(0.5)).isCloseTo(Math.log(Math.sqrt(Math.PI)), within(1e-12));
    }

    @Test
    void should_interpolate_between_ranks_when_taking_percentiles() {
        double[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

        assertThat(Statistics.percentile(sorted, 0.5)).isEqualTo(5.5);
        assertThat(Statistics.percentile(sorted, 0.95)).isCloseTo(9.55, within(1e-12));
        assertThat(Statistics.percentile(sorted, 1.0)).isEqualTo(10);
    }

    @Test
    void should_ignore_outliers_when_taking_median_and_mad() {
        double[] values = {10, 11, 9, 10, 10, 1000};

        double median = Statistics.median(values);

        assertThat(median).isEqualTo(10);
        assertThat(Statistics.mad(values, median)).isEqualTo(0.5);
    }
}
