package dev.ragfn.summarize.metrics;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class MetricCatalogTest {

    private final MetricCatalog catalog = new MetricCatalog("namespace", "model_name", "pod");

    @Test
    void should_build_a_quantile_over_summed_bucket_rates_when_the_metric_is_a_histogram() {
        Metric p95 = metric("e2e_latency_p95");

        assertThat(catalog.query(p95, p95.sources().getFirst(), new Scope("prod", "llama"), Duration.ofMinutes(5)))
                .isEqualTo("histogram_quantile(0.95, sum by (le) (rate(vllm:e2e_request_latency_seconds_bucket"
                        + "{namespace=\"prod\",model_name=\"llama\"}[300s])))");
    }

    @Test
    void should_prefer_inter_token_latency_when_vllm_has_both_names() {
        assertThat(metric("inter_token_latency_p95").sources())
                .containsExactly("vllm:inter_token_latency_seconds_bucket", "vllm:time_per_output_token_seconds_bucket");
    }

    @Test
    void should_count_no_errors_as_zero_when_no_5xx_series_exists() {
        Metric errors = metric("error_ratio");

        assertThat(catalog.query(errors, "http_requests_total", new Scope("prod", null), Duration.ofMinutes(10)))
                .isEqualTo("(sum(rate(http_requests_total{namespace=\"prod\",status=~\"5..\"}[600s])) or vector(0))"
                        + " / sum(rate(http_requests_total{namespace=\"prod\"}[600s]))");
        assertThat(catalog.query(errors, "http_requests_total", new Scope(null, null), Duration.ofMinutes(5)))
                .isEqualTo("(sum(rate(http_requests_total{status=~\"5..\"}[300s])) or vector(0)) / sum(rate(http_requests_total[300s]))");
    }

    @Test
    void should_read_vllm_errors_per_model_when_requests_finish_with_an_error() {
        Metric errors = metric("request_error_ratio");

        assertThat(catalog.query(errors, "vllm:request_success_total", new Scope("prod", "llama"), Duration.ofMinutes(5)))
                .isEqualTo("(sum(rate(vllm:request_success_total{namespace=\"prod\",model_name=\"llama\",finished_reason=\"error\"}[300s]))"
                        + " or vector(0)) / sum(rate(vllm:request_success_total{namespace=\"prod\",model_name=\"llama\"}[300s]))");
    }

    @Test
    void should_keep_only_the_models_pods_when_http_metrics_have_no_model_label() {
        Metric errors = metric("error_ratio");

        assertThat(catalog.query(errors, "http_requests_total", new Scope("prod", "llama"), Duration.ofMinutes(5)))
                .isEqualTo("(sum((rate(http_requests_total{namespace=\"prod\",status=~\"5..\"}[300s])"
                        + " and on (pod) group by (pod) (vllm:num_requests_running{namespace=\"prod\",model_name=\"llama\"})))"
                        + " or vector(0)) / sum((rate(http_requests_total{namespace=\"prod\"}[300s])"
                        + " and on (pod) group by (pod) (vllm:num_requests_running{namespace=\"prod\",model_name=\"llama\"})))");
    }

    @Test
    void should_match_exported_and_plain_namespace_labels_when_dcgm_metrics_are_scoped_to_a_namespace() {
        Metric temperature = metric("gpu_temperature");

        assertThat(catalog.query(temperature, "DCGM_FI_DEV_GPU_TEMP", new Scope("prod", null), Duration.ofMinutes(5)))
                .isEqualTo("max((DCGM_FI_DEV_GPU_TEMP{exported_namespace=\"prod\"}"
                        + " or DCGM_FI_DEV_GPU_TEMP{namespace=\"prod\",exported_namespace=\"\"}))");
    }

    @Test
    void should_join_gpus_to_the_models_pods_when_dcgm_metrics_are_scoped_to_a_model() {
        Metric temperature = metric("gpu_temperature");

        assertThat(catalog.query(temperature, "DCGM_FI_DEV_GPU_TEMP", new Scope("prod", "llama"), Duration.ofMinutes(5)))
                .isEqualTo("max(((label_replace(DCGM_FI_DEV_GPU_TEMP{exported_namespace=\"prod\"}, \"pod\", \"$1\", \"exported_pod\", \"(.+)\")"
                        + " or DCGM_FI_DEV_GPU_TEMP{namespace=\"prod\",exported_namespace=\"\"})"
                        + " and on (pod) group by (pod) (vllm:num_requests_running{namespace=\"prod\",model_name=\"llama\"})))");
    }

    @Test
    void should_escape_quotes_when_a_scope_value_contains_them() {
        Metric running = metric("requests_running");

        assertThat(catalog.query(running, running.sources().getFirst(), new Scope("a\"b", null), Duration.ofMinutes(5)))
                .isEqualTo("sum(vllm:num_requests_running{namespace=\"a\\\"b\"})");
    }

    @Test
    void should_discover_every_family_with_its_own_labels_in_one_call_when_listing_selectors() {
        assertThat(catalog.discoverySelectors(new Scope("prod", "llama")))
                .hasSize(4)
                .anySatisfy(s -> assertThat(s).contains("vllm:num_requests_running").contains("model_name=\"llama\""))
                .anySatisfy(s -> assertThat(s).contains("http_requests_total").contains("namespace=\"prod\"").doesNotContain("model_name"))
                .anySatisfy(s -> assertThat(s).contains("DCGM_FI_DEV_FB_FREE").contains("exported_namespace=\"prod\""))
                .anySatisfy(s -> assertThat(s).contains("DCGM_FI_DEV_FB_FREE").contains(",namespace=\"prod\""));
    }

    private Metric metric(String name) {
        return catalog.metrics().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }
}
