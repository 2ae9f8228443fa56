package dev.ragfn.summarize;

import dev.ragfn.summarize.analysis.Anomaly;
import dev.ragfn.summarize.analysis.Trend;
import dev.ragfn.summarize.metrics.Scope;
import dev.ragfn.summarize.report.Findings;
import dev.ragfn.summarize.report.MetricFindings;
import dev.ragfn.summarize.report.Report;
import dev.ragfn.summarize.testing.TestPrometheus;
import dev.ragfn.summarize.testing.TestSummarizeConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.ragfn.summarize.testing.SyntheticServing.BUSY_MODEL;
import static dev.ragfn.summarize.testing.SyntheticServing.BUSY_NAMESPACE;
import static dev.ragfn.summarize.testing.SyntheticServing.CARD_MIB;
import static dev.ragfn.summarize.testing.SyntheticServing.END;
import static dev.ragfn.summarize.testing.SyntheticServing.ERROR_BURST;
import static dev.ragfn.summarize.testing.SyntheticServing.KV_RISE;
import static dev.ragfn.summarize.testing.SyntheticServing.LATENCY_SPIKE;
import static dev.ragfn.summarize.testing.SyntheticServing.MEMORY_CLIMB;
import static dev.ragfn.summarize.testing.SyntheticServing.MEMORY_FLAT;
import static dev.ragfn.summarize.testing.SyntheticServing.QUIET_MODEL;
import static dev.ragfn.summarize.testing.SyntheticServing.QUIET_NAMESPACE;
import static dev.ragfn.summarize.testing.SyntheticServing.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Summaries of a real Prometheus loaded with synthetic series whose incidents are known. */
class SummarizerIT {

    private static final Window WINDOW = Window.of(START, END, 300);
    private static Report busy;
    private static Report quiet;

    @BeforeAll
    static void summarise() {
        Summarizer summarizer = summarizer(TestPrometheus.url());
        busy = summarizer.summarize(new Scope(BUSY_NAMESPACE, BUSY_MODEL), WINDOW);
        quiet = summarizer.summarize(new Scope(QUIET_NAMESPACE, QUIET_MODEL), WINDOW);
    }

    @Test
    void should_find_the_latency_spike_at_its_time_when_latency_jumps_for_ten_minutes() {
        for (String metric : new String[] {"e2e_latency_p50", "e2e_latency_p95", "e2e_latency_p99", "ttft_p95"}) {
            Anomaly spike = single(busy, metric);

            assertThat(spike.kind()).as(metric).isEqualTo(Anomaly.Kind.SPIKE);
            assertThat(spike.start()).as(metric).isBetween(LATENCY_SPIKE, LATENCY_SPIKE.plus(minutes(6)));
            assertThat(spike.end()).as(metric).isBetween(LATENCY_SPIKE.plus(minutes(8)), LATENCY_SPIKE.plus(minutes(16)));
        }
        assertThat(single(busy, "e2e_latency_p95").peak().value()).isGreaterThan(5);
    }

    @Test
    void should_relate_latency_to_the_queue_when_both_spike_together() {
        Anomaly queue = single(busy, "requests_waiting");

        assertThat(queue.start()).isBetween(LATENCY_SPIKE, LATENCY_SPIKE.plus(minutes(4)));
        assertThat(busy.findings().correlations())
                .anySatisfy(c -> {
                    assertThat(c.correlation().first()).isEqualTo("e2e_latency_p95");
                    assertThat(c.correlation().second()).isEqualTo("requests_waiting");
                    assertThat(c.correlation().coefficient()).isGreaterThan(0.5);
                });
    }

    @Test
    void should_find_the_error_burst_at_its_time_when_a_fifth_of_answers_fail() {
        Anomaly burst = single(busy, "error_ratio");

        assertThat(burst.kind()).isEqualTo(Anomaly.Kind.SPIKE);
        assertThat(burst.start()).isBetween(ERROR_BURST, ERROR_BURST.plus(minutes(6)));
        assertThat(burst.end()).isBetween(ERROR_BURST.plus(minutes(8)), ERROR_BURST.plus(minutes(16)));
        assertThat(burst.peak().value()).isBetween(0.1, 0.25);
    }

    @Test
    void should_find_the_plateau_from_when_memory_went_flat_when_gpu_memory_fills_up() {
        Anomaly plateau = single(busy, "gpu_memory_used");

        assertThat(plateau.kind()).isEqualTo(Anomaly.Kind.PLATEAU);
        assertThat(plateau.start()).isBetween(MEMORY_CLIMB, MEMORY_CLIMB.plus(minutes(6)));
        assertThat(plateau.flatSince()).isBetween(MEMORY_FLAT.minus(minutes(2)), MEMORY_FLAT.plus(minutes(4)));
        assertThat(plateau.ongoing()).isTrue();
        assertThat(plateau.peak().value()).isCloseTo(79_000 / CARD_MIB, within(0.001));
        assertThat(metric(busy, "gpu_memory_used").trend().significant()).isFalse();
    }

    @Test
    void should_find_a_rising_trend_when_kv_cache_usage_creeps_up() {
        Trend trend = metric(busy, "kv_cache_usage").trend();

        assertThat(trend.direction()).isEqualTo(Trend.Direction.RISING);
        assertThat(trend.change()).isCloseTo(KV_RISE, within(0.05));
        assertThat(trend.slopePerHour()).isCloseTo(KV_RISE / 6, within(0.01));
        assertThat(metric(busy, "kv_cache_usage").source()).isEqualTo("vllm:gpu_cache_usage_perc");
        assertThat(metric(busy, "kv_cache_usage").anomalies()).isEmpty();
    }

    @Test
    void should_report_nothing_else_on_the_busy_scope_when_other_series_are_quiet() {
        Set<String> withAnomalies = busy.findings().metrics().stream().filter(m -> !m.anomalies().isEmpty())
                .map(MetricFindings::name).collect(Collectors.toSet());
        Set<String> trending = busy.findings().metrics().stream()
                .filter(m -> m.trend() != null && m.trend().significant())
                .map(MetricFindings::name).collect(Collectors.toSet());

        assertThat(withAnomalies).containsExactlyInAnyOrder("e2e_latency_p50", "e2e_latency_p95", "e2e_latency_p99",
                "ttft_p95", "requests_waiting", "error_ratio", "gpu_memory_used");
        assertThat(trending).containsExactly("kv_cache_usage");
        assertThat(busy.findings().status()).isEqualTo(Findings.Status.COMPLETE);
        assertThat(busy.findings().healthScore()).isLessThan(50);
        assertThat(busy.findings().attention()).first().satisfies(d -> assertThat(d.metric()).isEqualTo("error_ratio"));
    }

    @Test
    void should_leave_nan_samples_out_and_say_so_when_a_gpu_reports_nan() {
        MetricFindings power = metric(busy, "gpu_power");

        assertThat(power.stats().nonFiniteSamples()).isGreaterThan(0);
        assertThat(power.stats().mean()).isCloseTo(300, within(5.0));
        assertThat(power.anomalies()).isEmpty();
        assertThat(busy.findings().problems()).anySatisfy(p -> assertThat(p).contains("GPU power").contains("NaN"));
    }

    @Test
    void should_report_no_incident_no_trend_and_full_health_when_the_scope_is_quiet() {
        Findings f = quiet.findings();

        assertThat(f.metrics()).allSatisfy(m -> assertThat(m.anomalies()).as(m.name()).isEmpty());
        assertThat(f.metrics()).allSatisfy(m -> assertThat(m.trend() == null || !m.trend().significant()).as(m.name()).isTrue());
        assertThat(f.correlations()).isEmpty();
        assertThat(f.healthScore()).isEqualTo(100);
        assertThat(quiet.sections().anomalies()).containsExactly("No spikes, drops or plateaus.");
    }

    @Test
    void should_name_the_missing_metric_when_the_scope_lacks_one() {
        Findings f = quiet.findings();

        assertThat(f.status()).isEqualTo(Findings.Status.PARTIAL);
        assertThat(f.missingMetrics()).containsExactly("inter_token_latency_p95");
        assertThat(f.recommendations()).anySatisfy(r -> assertThat(r).contains("inter_token_latency_p95"));
    }

    @Test
    void should_say_there_is_no_data_when_the_window_holds_no_samples() {
        Window empty = Window.of(START.minus(Duration.ofDays(2)), START.minus(Duration.ofDays(1)), 300);

        Report report = summarizer(TestPrometheus.url()).summarize(new Scope(BUSY_NAMESPACE, BUSY_MODEL), empty);

        assertThat(report.findings().status()).isEqualTo(Findings.Status.NO_DATA);
        assertThat(report.findings().healthScore()).isNull();
        assertThat(report.sections().summary()).contains("No metric");
    }

    @Test
    void should_say_the_source_is_unavailable_when_prometheus_cannot_be_reached() {
        Report report = summarizer("http://127.0.0.1:9").summarize(new Scope(BUSY_NAMESPACE, BUSY_MODEL), WINDOW);

        assertThat(report.findings().status()).isEqualTo(Findings.Status.SOURCE_UNAVAILABLE);
        assertThat(report.findings().problems()).singleElement().satisfies(p -> assertThat(p).contains("unreachable"));
        assertThat(report.sections().summary()).contains("could not be read");
    }

    @Test
    void should_cost_one_discovery_and_one_query_per_present_metric_when_summarising() {
        assertThat(busy.findings().queryCount()).isEqualTo(1 + busy.findings().metrics().size());
        assertThat(quiet.findings().queryCount()).isEqualTo(quiet.findings().metrics().size());
    }

    private static Summarizer summarizer(String url) {
        return SummaryService.summarizer(TestSummarizeConfig.of(Map.of(
                "ragfn.summarize.prometheus-url", url, "ragfn.summarize.timeout", "PT5S")));
    }

    private static MetricFindings metric(Report report, String name) {
        return report.findings().metrics().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }

    private static Anomaly single(Report report, String name) {
        assertThat(metric(report, name).anomalies()).as(name).hasSize(1);
        return metric(report, name).anomalies().getFirst();
    }

    private static Duration minutes(int n) {
        return Duration.ofMinutes(n);
    }
}
