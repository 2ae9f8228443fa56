package dev.ragfn.summarize;

import dev.ragfn.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WindowTest {

    private static final Instant END = Instant.parse("2026-11-25T06:00:00Z");

    @Test
    void should_pick_a_round_step_and_a_rate_range_of_at_least_five_minutes_when_sizing_a_window() {
        Window day = Window.of(END.minus(Duration.ofHours(24)), END, 300);
        Window sixHours = Window.of(END.minus(Duration.ofHours(6)), END, 300);
        Window week = Window.of(END.minus(Duration.ofDays(7)), END, 300);

        assertThat(day.step()).isEqualTo(Duration.ofMinutes(5));
        assertThat(sixHours.step()).isEqualTo(Duration.ofMinutes(2));
        assertThat(sixHours.rateRange()).isEqualTo(Duration.ofMinutes(5));
        assertThat(week.step()).isEqualTo(Duration.ofMinutes(60));
        assertThat(week.rateRange()).isEqualTo(Duration.ofMinutes(60));
    }

    @Test
    void should_refuse_a_window_when_it_ends_before_it_starts() {
        assertThatThrownBy(() -> Window.of(END, END, 300)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void should_read_prometheus_and_iso_durations_when_a_request_names_one() {
        assertThat(SummaryService.duration("24h")).isEqualTo(Duration.ofHours(24));
        assertThat(SummaryService.duration("90m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(SummaryService.duration("PT6H")).isEqualTo(Duration.ofHours(6));
        assertThatThrownBy(() -> SummaryService.duration("yesterday")).isInstanceOf(InvalidInputException.class);
    }
}
