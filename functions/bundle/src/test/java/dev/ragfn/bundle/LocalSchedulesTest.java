package dev.ragfn.bundle;

import dev.ragfn.bundle.broker.LocalBroker;
import dev.ragfn.bundle.broker.TriggerTable;
import dev.ragfn.core.event.EventTypes;
import dev.ragfn.summarize.SummaryCreated;
import io.quarkus.funqy.knative.events.CloudEvent;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** triggers.yaml's schedules run in the bundle as PingSources run on Knative. */
@QuarkusTest
class LocalSchedulesTest {

    private static final String DAILY = "daily-model-serving-summary";

    @Inject
    Scheduler scheduler;
    @Inject
    LocalBroker broker;

    @Test
    void should_schedule_the_daily_summary_at_six_utc_as_declared() {
        Trigger job = scheduler.getScheduledJob("ragfn-schedule-" + DAILY);

        assertThat(job).as("scheduled jobs: %s", scheduler.getScheduledJobs()).isNotNull();
        ZonedDateTime next = job.getNextFireTime().atZone(ZoneOffset.UTC);
        assertThat(next.getHour()).isEqualTo(6);
        assertThat(next.getMinute()).isZero();
        assertThat(Duration.between(Instant.now(), next.toInstant())).isBetween(Duration.ZERO, Duration.ofHours(24));
    }

    @Test
    void should_deliver_the_schedules_data_to_summarize_and_hand_back_its_summary_when_it_fires() {
        TriggerTable.Schedule daily = TriggerTable.fromClasspath().schedules().stream()
                .filter(s -> s.name().equals(DAILY)).findFirst().orElseThrow();

        List<CloudEvent<?>> results = broker.fire(daily);

        assertThat(results).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(EventTypes.SUMMARY_CREATED);
            SummaryCreated summary = (SummaryCreated) event.data();
            // The schedule's data asks for PT24H; Prometheus is unreachable in the bundle's tests.
            assertThat(Duration.between(summary.windowStart(), summary.windowEnd())).isEqualTo(Duration.ofHours(24));
            assertThat(summary.status()).isEqualTo("SOURCE_UNAVAILABLE");
        });
    }

    @Test
    void should_summarize_the_platform_itself_when_the_daily_platform_schedule_fires() {
        TriggerTable.Schedule platform = TriggerTable.fromClasspath().schedules().stream()
                .filter(s -> s.name().equals("daily-platform-summary")).findFirst().orElseThrow();

        List<CloudEvent<?>> results = broker.fire(platform);

        assertThat(results).singleElement().satisfies(event -> {
            SummaryCreated summary = (SummaryCreated) event.data();
            assertThat(summary.scope()).startsWith("platform:");
            assertThat(Duration.between(summary.windowStart(), summary.windowEnd())).isEqualTo(Duration.ofHours(24));
        });
        assertThat(scheduler.getScheduledJob("ragfn-schedule-daily-platform-summary")).isNotNull();
    }
}
