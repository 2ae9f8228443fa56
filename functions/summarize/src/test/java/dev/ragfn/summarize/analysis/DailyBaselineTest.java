package dev.ragfn.summarize.analysis;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntToDoubleFunction;

import static org.assertj.core.api.Assertions.assertThat;

class DailyBaselineTest {

    private static final Instant DAY = Instant.parse("2026-03-10T00:00:00Z");
    private static final int STEPS_PER_DAY = 288;
    private final AnomalyDetector detector = new AnomalyDetector(5, Duration.ofMinutes(30));
    private final TrendDetector trends = new TrendDetector(0.001, 0.1);

    @Test
    void should_date_both_gpu_heat_episodes_at_their_start_when_measured_against_the_day_before() {
        // given a GPU following the daily load between 52 and 66 °C, warm (80 °C) from 09:00 and hot (87 °C) from 14:00
        Random random = new Random(11);
        IntToDoubleFunction temperature = i -> Math.round(50 + 18 * load(i) + 0.6 * random.nextGaussian());
        List<Sample> before = series(-STEPS_PER_DAY, temperature);
        List<Sample> today = series(0, i -> i >= step(9, 0) && i < step(9, 45) ? 80
                : i >= step(14, 0) && i < step(15, 0) ? 87 : temperature.applyAsDouble(i));

        double[] expected = DailyBaseline.expected(today, before).orElseThrow();
        List<Anomaly> anomalies = detector.detect(today, expected, 5);

        assertThat(anomalies).extracting(Anomaly::start).containsExactly(time(step(9, 0)), time(step(14, 0)));
        assertThat(anomalies).extracting(Anomaly::end).containsExactly(time(step(9, 40)), time(step(14, 55)));
        // against the day's median, the daily cycle swells the spread until the warm episode drowns in it
        assertThat(detector.detect(today, 5)).noneMatch(a -> a.start().equals(time(step(9, 0))));
    }

    @Test
    void should_find_no_trend_when_today_repeats_the_daily_cycle_of_the_day_before() {
        // given running requests that follow the day, the same way on both days
        Random random = new Random(5);
        IntToDoubleFunction running = i -> Math.max(0, Math.round(30 * load(i) + 1.5 * random.nextGaussian()));
        List<Sample> before = series(-STEPS_PER_DAY, running);
        List<Sample> today = series(0, running);

        double[] expected = DailyBaseline.expected(today, before).orElseThrow();
        List<Sample> differences = new ArrayList<>();
        for (int i = 0; i < today.size(); i++) {
            differences.add(new Sample(today.get(i).time(), today.get(i).value() - expected[i]));
        }

        assertThat(trends.detect(differences, 2, 15.0).orElseThrow().significant()).isFalse();
        assertThat(detector.detect(today, expected, 2)).isEmpty();
    }

    @Test
    void should_offer_no_baseline_when_the_day_before_covers_too_little() {
        List<Sample> today = series(0, i -> 10);
        List<Sample> halfDayBefore = series(-STEPS_PER_DAY / 2, i -> 10);

        assertThat(DailyBaseline.expected(today, List.of())).isEmpty();
        assertThat(DailyBaseline.expected(today, halfDayBefore)).isEmpty();
    }

    /** Load between 0.1 at 03:00 and 0.9 at 15:00, for step i from {@link #DAY} (negative: the day before). */
    private static double load(int i) {
        double hour = i * 5 / 60.0;
        return 0.5 + 0.4 * Math.sin(2 * Math.PI * (hour - 9) / 24);
    }

    private static List<Sample> series(int firstStep, IntToDoubleFunction value) {
        List<Sample> samples = new ArrayList<>();
        for (int i = firstStep; i < firstStep + STEPS_PER_DAY; i++) {
            samples.add(new Sample(time(i), value.applyAsDouble(i)));
        }
        return samples;
    }

    private static int step(int hour, int minute) {
        return (hour * 60 + minute) / 5;
    }

    private static Instant time(int step) {
        return DAY.plus(Duration.ofMinutes(5L * step));
    }
}
