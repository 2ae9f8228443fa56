package dev.ragfn.summarize;

import dev.ragfn.summarize.analysis.Anomaly;
import dev.ragfn.summarize.metrics.Scope;
import dev.ragfn.summarize.report.Findings;
import dev.ragfn.summarize.report.MarkdownRenderer;
import dev.ragfn.summarize.report.MetricFindings;
import dev.ragfn.summarize.report.Report;
import dev.ragfn.summarize.testing.ServingDay;
import dev.ragfn.summarize.testing.TestPrometheus;
import dev.ragfn.summarize.testing.TestSummarizeConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.ragfn.summarize.testing.ServingDay.CONTROL;
import static dev.ragfn.summarize.testing.ServingDay.DAY;
import static dev.ragfn.summarize.testing.ServingDay.END;
import static dev.ragfn.summarize.testing.ServingDay.ERROR_BURST;
import static dev.ragfn.summarize.testing.ServingDay.GPU_HOT;
import static dev.ragfn.summarize.testing.ServingDay.GPU_WARM;
import static dev.ragfn.summarize.testing.ServingDay.INCIDENTS;
import static dev.ragfn.summarize.testing.ServingDay.KV_CACHE_FULL;
import static dev.ragfn.summarize.testing.ServingDay.LATENCY_SPIKE;
import static dev.ragfn.summarize.testing.ServingDay.MEMORY_FILLS;
import static dev.ragfn.summarize.testing.ServingDay.MODEL;
import static dev.ragfn.summarize.testing.ServingDay.NAMESPACE;
import static dev.ragfn.summarize.testing.ServingDay.PREFIX_CACHE_MISSES;
import static dev.ragfn.summarize.testing.ServingDay.XID_ERROR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A day of two models in one namespace as today's vLLM and dcgm-exporter (behind the GPU Operator's
 * scrape) report it, with a daily load cycle: every injected incident is found within one step of
 * its start and charged to its model, the quiet control has none, and no cause is claimed without
 * the metric that shows it.
 */
class ServingDayIT {

    private static final Window WINDOW = Window.of(DAY, END, 300);
    private static String url;
    private static Report model;
    private static Report control;

    @BeforeAll
    static void summarise() throws IOException {
        url = TestPrometheus.start("serving-day", ServingDay.write(TestPrometheus.dataFile("serving-day")));
        Summarizer summarizer = SummaryService.summarizer(TestSummarizeConfig.of(Map.of(
                "ragfn.summarize.prometheus-url", url, "ragfn.summarize.timeout", "PT20S")));
        model = summarizer.summarize(new Scope(NAMESPACE, MODEL), WINDOW);
        control = summarizer.summarize(new Scope(NAMESPACE, CONTROL), WINDOW);
        Path reports = TestPrometheus.dataFile("serving-day").getParent();
        Files.writeString(reports.resolve("serving-day-" + MODEL + ".md"), MarkdownRenderer.render(model));
        Files.writeString(reports.resolve("serving-day-" + CONTROL + ".md"), MarkdownRenderer.render(control));
    }

    @Test
    void should_read_every_metric_of_both_models_when_names_and_labels_are_todays() {
        assertThat(model.findings().missingMetrics()).isEmpty();
        assertThat(control.findings().missingMetrics()).isEmpty();
        assertThat(model.findings().status()).isEqualTo(Findings.Status.COMPLETE);
        assertThat(control.findings().status()).isEqualTo(Findings.Status.COMPLETE);
        assertThat(metric(model, "inter_token_latency_p95").source()).isEqualTo("vllm:inter_token_latency_seconds_bucket");
        assertThat(metric(model, "kv_cache_usage").source()).isEqualTo("vllm:kv_cache_usage_perc");
        assertThat(model.findings().metrics()).allSatisfy(m -> assertThat(m.dailyBaseline()).as(m.name()).isTrue());
    }

    @Test
    void should_find_the_latency_spike_within_one_step_when_requests_queue_for_a_quarter_hour() {
        for (String metric : List.of("e2e_latency_p95", "ttft_p95", "queue_time_p95", "requests_waiting")) {
            assertThat(incidentAt(model, metric, LATENCY_SPIKE).kind()).as(metric).isEqualTo(Anomaly.Kind.SPIKE);
        }
    }

    @Test
    void should_find_the_error_burst_in_http_and_vllm_errors_within_one_step_when_a_fifth_of_requests_fail() {
        Anomaly http = incidentAt(model, "error_ratio", ERROR_BURST);
        Anomaly engine = incidentAt(model, "request_error_ratio", ERROR_BURST);

        assertThat(http.peak().value()).isBetween(0.1, 0.25);
        assertThat(engine.peak().value()).isBetween(0.1, 0.25);
        assertThat(withinOneStep(http.aboveLimitFrom(), ERROR_BURST)).isTrue();
    }

    @Test
    void should_find_a_warm_gpu_below_the_limit_when_the_daily_cycle_would_hide_it() {
        Anomaly warm = incidentAt(model, "gpu_temperature", GPU_WARM);

        assertThat(warm.peak().value()).isBetween(78.0, 83.0);
        assertThat(warm.aboveLimitFrom()).isNull();
    }

    @Test
    void should_date_the_hot_gpu_at_its_start_and_count_it_once_when_it_crosses_the_limit() {
        Anomaly hot = incidentAt(model, "gpu_temperature", GPU_HOT);
        MetricFindings temperature = metric(model, "gpu_temperature");

        assertThat(withinOneStep(hot.aboveLimitFrom(), GPU_HOT)).as("crossed the limit at %s", hot.aboveLimitFrom()).isTrue();
        assertThat(temperature.anomalies()).hasSize(2);
        assertThat(temperature.trend().significant()).isFalse();
        assertThat(model.findings().deductions().stream().filter(d -> d.metric().equals("gpu_temperature")))
                .extracting(d -> withinOneStep(d.at(), GPU_WARM) || withinOneStep(d.at(), GPU_HOT))
                .containsOnly(true);
    }

    @Test
    void should_find_the_prefix_cache_drop_the_memory_plateau_and_the_xid_error_within_one_step() {
        assertThat(incidentAt(model, "prefix_cache_hit_rate", PREFIX_CACHE_MISSES).kind()).isEqualTo(Anomaly.Kind.DROP);
        Anomaly memory = incidentAt(model, "gpu_memory_used", MEMORY_FILLS);
        assertThat(memory.kind()).isEqualTo(Anomaly.Kind.PLATEAU);
        assertThat(memory.ongoing()).isTrue();
        assertThat(memory.peak().value()).isBetween(0.97, 0.98);
        assertThat(incidentAt(model, "gpu_xid_error", XID_ERROR).peak().value()).isEqualTo(13);
    }

    @Test
    void should_find_the_full_kv_cache_with_its_preemptions_within_one_step_when_the_cache_runs_out() {
        for (String metric : List.of("kv_cache_usage", "preemptions", "e2e_latency_p95", "inter_token_latency_p95")) {
            incidentAt(model, metric, KV_CACHE_FULL);
        }
        assertThat(withinOneStep(incidentAt(model, "kv_cache_usage", KV_CACHE_FULL).aboveLimitFrom(), KV_CACHE_FULL)).isTrue();
    }

    @Test
    void should_report_no_incident_that_was_not_injected_when_the_day_has_a_load_cycle() {
        for (MetricFindings m : model.findings().metrics()) {
            assertThat(m.anomalies()).as(m.name())
                    .allSatisfy(a -> assertThat(INCIDENTS.stream().anyMatch(t -> withinOneStep(a.start(), t)))
                            .as("%s incident at %s", m.name(), a.start()).isTrue());
        }
    }

    @Test
    void should_report_no_incident_no_trend_and_full_health_when_the_control_model_is_quiet() {
        Findings f = control.findings();

        assertThat(f.metrics()).allSatisfy(m -> assertThat(m.anomalies()).as(m.name()).isEmpty());
        assertThat(f.metrics()).allSatisfy(m -> assertThat(m.trend() == null || !m.trend().significant()).as(m.name()).isTrue());
        assertThat(f.healthScore()).isEqualTo(100);
        assertThat(metric(control, "error_ratio").stats().max()).isZero();
    }

    @Test
    void should_not_read_the_daily_cycle_as_a_trend_when_load_rises_and_falls_with_the_day() {
        for (Report report : List.of(model, control)) {
            for (String metric : List.of("requests_running", "request_rate", "kv_cache_usage", "gpu_power", "e2e_latency_p95")) {
                assertThat(metric(report, metric).trend().significant()).as("%s %s", report.findings().scope(), metric).isFalse();
            }
        }
    }

    @Test
    void should_claim_preemption_only_where_requests_were_preempted_when_latency_follows_the_kv_cache() {
        String controlText = MarkdownRenderer.render(control);

        assertThat(metric(control, "preemptions").stats().max()).isZero();
        assertThat(controlText).doesNotContain("were preempted").doesNotContain("cache ran short");
        assertThat(control.findings().correlations()).filteredOn(c -> c.correlation().second().equals("kv_cache_usage"))
                .allSatisfy(c -> assertThat(c.meaning()).contains("no request was preempted"));
        assertThat(model.findings().correlations()).filteredOn(c -> c.correlation().second().equals("kv_cache_usage"))
                .allSatisfy(c -> assertThat(c.meaning()).contains("requests were preempted"));
    }

    @Test
    void should_charge_gpu_and_http_trouble_to_the_namespace_when_the_scope_names_no_model() {
        Report namespace = SummaryService.summarizer(TestSummarizeConfig.of(Map.of("ragfn.summarize.prometheus-url", url)))
                .summarize(new Scope(NAMESPACE, null), WINDOW);

        assertThat(incidentAt(namespace, "gpu_temperature", GPU_HOT).aboveLimitFrom()).isNotNull();
        assertThat(metric(namespace, "gpu_temperature").stats().max()).isLessThan(89);
    }

    private static Anomaly incidentAt(Report report, String metric, Instant start) {
        List<Anomaly> found = metric(report, metric).anomalies().stream().filter(a -> withinOneStep(a.start(), start)).toList();
        assertThat(found).as("%s incidents starting within one step of %s: %s", metric, start,
                metric(report, metric).anomalies()).hasSize(1);
        return found.getFirst();
    }

    private static boolean withinOneStep(Instant found, Instant injected) {
        return found != null && Duration.between(injected, found).abs().compareTo(WINDOW.step()) <= 0;
    }

    private static MetricFindings metric(Report report, String name) {
        return report.findings().metrics().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }
}
