package dev.ragfn.summarize;

import dev.ragfn.summarize.analysis.Anomaly;
import dev.ragfn.summarize.metrics.MetricCatalog;
import dev.ragfn.summarize.metrics.Scope;
import dev.ragfn.summarize.report.MetricFindings;
import dev.ragfn.summarize.report.Report;
import dev.ragfn.summarize.testing.TestPrometheus;
import dev.ragfn.summarize.testing.TestSummarizeConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform closing its own loop: summarize reads ragfn's ragfn_* series (as Prometheus scraped
 * them from the functions) from a real Prometheus and reports an outage of a backing store, seen as
 * unavailable invocations and dead letters, at its time.
 */
class PlatformSummaryIT {

    private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");
    private static final Instant END = START.plus(Duration.ofHours(6));
    /** From 03:00 for 10 minutes embed fails: a third of its invocations, and their events dead-lettered. */
    private static final Instant OUTAGE = START.plus(Duration.ofHours(3));
    private static final int INTERVAL_SECONDS = 30;

    @Test
    void should_report_the_outage_at_its_time_when_the_platform_is_summarised() {
        // given
        String url = TestPrometheus.start("ragfn-platform", openMetrics());
        Summarizer summarizer = SummaryService.summarizer(TestSummarizeConfig.of(Map.of(
                "ragfn.summarize.prometheus-url", url, "ragfn.summarize.timeout", "PT5S")), MetricCatalog.platform("namespace"));

        // when
        Report report = summarizer.summarize(new Scope("ragfn", null), Window.of(START, END, 300));

        // then
        assertThat(metric(report, "invocation_rate").hasData()).isTrue();
        for (String name : new String[] {"function_error_ratio", "dead_letters"}) {
            assertThat(metric(report, name).anomalies()).as(name).singleElement().satisfies(anomaly -> {
                assertThat(anomaly.kind()).isEqualTo(Anomaly.Kind.SPIKE);
                assertThat(anomaly.start()).isBetween(OUTAGE.minus(Duration.ofMinutes(1)), OUTAGE.plus(Duration.ofMinutes(10)));
            });
        }
        assertThat(report.findings().healthScore()).isLessThan(100);
        assertThat(report.findings().missingMetrics()).contains("chat_ttft_p95");
    }

    private static MetricFindings metric(Report report, String name) {
        return report.findings().metrics().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }

    /** Six hours (and a warm-up) of the counters one embed and one ingest function serve, every 30 s. */
    private static String openMetrics() {
        StringBuilder out = new StringBuilder();
        Instant first = START.minus(Duration.ofMinutes(30));
        int samples = (int) (Duration.between(first, END).toSeconds() / INTERVAL_SECONDS);
        String embed = "namespace=\"ragfn\",function=\"embed\"";
        String ingest = "namespace=\"ragfn\",function=\"ingest\"";
        long succeeded = 0;
        long failed = 0;
        long deadLetters = 0;
        long ingested = 0;
        StringBuilder success = new StringBuilder();
        StringBuilder unavailable = new StringBuilder();
        StringBuilder letters = new StringBuilder();
        StringBuilder ingests = new StringBuilder();
        for (int i = 0; i < samples; i++) {
            Instant at = first.plusSeconds((long) i * INTERVAL_SECONDS);
            boolean outage = !at.isBefore(OUTAGE) && at.isBefore(OUTAGE.plus(Duration.ofMinutes(10)));
            succeeded += outage ? 40 : 60;
            failed += outage ? 20 : 0;
            deadLetters += outage ? 4 : 0;
            ingested += 60;
            long seconds = at.getEpochSecond();
            success.append(sample("ragfn_function_invocations_seconds_count", embed + ",outcome=\"success\"", succeeded, seconds));
            unavailable.append(sample("ragfn_function_invocations_seconds_count", embed + ",outcome=\"unavailable\"", failed, seconds));
            letters.append(sample("ragfn_broker_dead_letters_total", embed, deadLetters, seconds));
            ingests.append(sample("ragfn_function_invocations_seconds_count", ingest + ",outcome=\"success\"", ingested, seconds));
        }
        return out.append(success).append(unavailable).append(letters).append(ingests).append("# EOF\n").toString();
    }

    private static String sample(String name, String labels, long value, long seconds) {
        return name + "{" + labels + "} " + value + " " + seconds + "\n";
    }
}
