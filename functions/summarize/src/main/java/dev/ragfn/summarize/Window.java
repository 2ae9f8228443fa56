package dev.ragfn.summarize;

import dev.ragfn.core.error.InvalidInputException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The time span a summary covers and how finely it is sampled: the step is the span divided by
 * the most points wanted, rounded up to a round step; counter rates look back at least five
 * minutes, and never less than a step, so no sample falls between two points.
 */
public record Window(Instant start, Instant end, Duration step) {

    private static final List<Duration> STEPS = List.of(
            Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2),
            Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(15), Duration.ofMinutes(30),
            Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(6), Duration.ofHours(12), Duration.ofDays(1));
    private static final Duration MIN_RATE_RANGE = Duration.ofMinutes(5);

    public static Window of(Instant start, Instant end, int maxPoints) {
        if (!end.isAfter(start)) {
            throw new InvalidInputException("window end " + end + " must be after its start " + start);
        }
        Duration wanted = Duration.between(start, end).dividedBy(maxPoints);
        Duration step = STEPS.stream().filter(s -> s.compareTo(wanted) >= 0).findFirst().orElse(STEPS.getLast());
        return new Window(start, end, step);
    }

    public Duration rateRange() {
        return step.compareTo(MIN_RATE_RANGE) > 0 ? step : MIN_RATE_RANGE;
    }
}
