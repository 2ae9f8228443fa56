package dev.ragfn.summarize.metrics;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class MetricCatalogTest {

    private final MetricCatalog catalog = new MetricCatalog("namespace", "model_name");

    @Test
    void should_build_a_quantile_over_summed_bucket_rates_when_the_metric_is_a_histogram() {
        Metric p95 = metric("e2e_latency_p95");

        assertThat(catalog.query(p95, p95.sources().getFirst(), new Scope("prod", "llama"), Duration.ofMinutes(5)))
                .isEqualTo("histogram_quantile(0.95, sum by (le) (rate(vllm:e2e_request_latency_seconds_bucket"
                        + "{namespace=\"prod\",model_name=\"llama\"}[300s])))");
    }

    @Test
    void should_match_gpu_and_http_metrics_on_the_namespace_only_when_they_have_no_model_label() {
        Metric errors = metric("error_ratio");

        assertThat(catalog.query(errors, "http_requests_total", new Scope("prod", "llama"), Duration.ofMinutes(10)))
                .isEqualTo("sum(rate(http_requests_total{namespace=\"prod\",status=~\"5..\"}[600s]))"
                        + " / sum(rate(http_requests_total{namespace=\"prod\"}[600s]))");
        assertThat(catalog.query(errors, "http_requests_total", new Scope(null, null), Duration.ofMinutes(5)))
                .isEqualTo("sum(rate(http_requests_total{status=~\"5..\"}[300s])) / sum(rate(http_requests_total{}[300s]))");
    }

    @Test
    void should_escape_quotes_when_a_scope_value_contains_them() {
        Metric running = metric("requests_running");

        assertThat(catalog.query(running, running.sources().getFirst(), new Scope("a\"b", null), Duration.ofMinutes(5)))
                .isEqualTo("sum(vllm:num_requests_running{namespace=\"a\\\"b\"})");
    }

    @Test
    void should_discover_both_label_families_in_one_call_when_listing_selectors() {
        assertThat(catalog.discoverySelectors(new Scope("prod", "llama")))
                .hasSize(2)
                .anySatisfy(s -> assertThat(s).contains("vllm:num_requests_running").contains("model_name=\"llama\""))
                .anySatisfy(s -> assertThat(s).contains("DCGM_FI_DEV_FB_USED").contains("http_requests_total")
                        .doesNotContain("model_name"));
    }

    private Metric metric(String name) {
        return catalog.metrics().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }
}
