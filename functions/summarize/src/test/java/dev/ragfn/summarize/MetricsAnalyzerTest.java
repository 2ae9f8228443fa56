package dev.ragfn.summarize;

import dev.ragfn.summarize.analysis.AnomalyDetector;
import dev.ragfn.summarize.analysis.Sample;
import dev.ragfn.summarize.analysis.TrendDetector;
import dev.ragfn.summarize.metrics.Metric;
import dev.ragfn.summarize.metrics.MetricCatalog;
import dev.ragfn.summarize.report.CorrelationFinding;
import dev.ragfn.summarize.report.Findings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsAnalyzerTest {

    private static final Instant START = Instant.parse("2026-03-10T00:00:00Z");
    private static final Window WINDOW = Window.of(START, START.plus(Duration.ofHours(24)), 300);
    private final MetricCatalog catalog = new MetricCatalog("namespace", "model_name", "pod");
    private final MetricsAnalyzer analyzer = new MetricsAnalyzer(catalog, new AnomalyDetector(5, Duration.ofMinutes(30)),
            new TrendDetector(0.001, 0.1));

    @Test
    void should_claim_preemption_when_latency_follows_the_kv_cache_and_requests_were_preempted() {
        Findings f = analyze(data("preemptions", i -> i >= 200 && i < 204 ? 0.5 : 0));

        assertThat(kvCorrelation(f).meaning()).contains("requests were preempted");
    }

    @Test
    void should_claim_no_cause_when_latency_follows_the_kv_cache_but_no_request_was_preempted() {
        Findings f = analyze(data("preemptions", i -> 0));

        assertThat(kvCorrelation(f).meaning()).contains("no request was preempted").doesNotContain("cache ran short");
    }

    @Test
    void should_claim_no_cause_when_the_preemption_counter_is_not_scraped() {
        Findings f = analyze(MetricData.without(metric("preemptions"), null, null, "not in Prometheus for this scope"));

        assertThat(kvCorrelation(f).meaning()).doesNotContain("were preempted").doesNotContain("cache ran short");
    }

    private Findings analyze(MetricData preemptions) {
        IntToDoubleFunction load = i -> 0.5 + 0.4 * Math.sin(2 * Math.PI * i / 288.0);
        return analyzer.analyze("serving/llama", WINDOW, List.of(
                data("e2e_latency_p95", i -> 2 + 3 * load.applyAsDouble(i)),
                data("kv_cache_usage", i -> 0.2 + 0.5 * load.applyAsDouble(i)),
                preemptions), 4);
    }

    private MetricData data(String name, IntToDoubleFunction value) {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < 288; i++) {
            samples.add(new Sample(START.plus(WINDOW.step().multipliedBy(i)), value.applyAsDouble(i)));
        }
        Metric metric = metric(name);
        return new MetricData(metric, metric.sources().getFirst(), "q", samples, List.of(), null);
    }

    private static CorrelationFinding kvCorrelation(Findings f) {
        return f.correlations().stream().filter(c -> c.correlation().second().equals("kv_cache_usage")).findFirst().orElseThrow();
    }

    private Metric metric(String name) {
        return catalog.metrics().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }
}
