package dev.ragfn.summarize.analysis;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LimitCrossingsTest {

    @Test
    void should_merge_the_crossing_into_the_incident_when_a_spike_reaches_the_limit() {
        // given 65 °C, rising from 72 °C at minute 100 to 88 °C and reaching 85 °C at minute 103
        List<Sample> series = Series.of(300, i -> i >= 100 && i < 160 ? Math.min(88, 72 + 5 * (i - 100)) : 65 + 0.2 * (i % 2));
        List<Anomaly> incidents = new AnomalyDetector(5, Duration.ofMinutes(30)).detect(series, 5);

        List<Anomaly> merged = LimitCrossings.merge(incidents, series, 85);

        assertThat(merged).singleElement().satisfies(a -> {
            assertThat(a.start()).isEqualTo(Series.minute(100));
            assertThat(a.aboveLimitFrom()).isEqualTo(Series.minute(103));
            assertThat(a.end()).isEqualTo(Series.minute(159));
        });
    }

    @Test
    void should_report_a_dated_incident_when_the_level_stays_above_the_limit_without_departing_from_it() {
        // given a KV cache at 97 % all along, with one dip to 90 % for 5 minutes from minute 60
        List<Sample> series = Series.of(120, i -> i >= 60 && i < 65 ? 0.90 : 0.97);

        List<Anomaly> merged = LimitCrossings.merge(List.of(), series, 0.95);

        assertThat(merged).extracting(Anomaly::kind).containsOnly(Anomaly.Kind.ABOVE_LIMIT);
        assertThat(merged).extracting(Anomaly::start).containsExactly(Series.minute(0), Series.minute(65));
        assertThat(merged.getLast().ongoing()).isTrue();
    }
}
