package dev.ragfn.summarize;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Settings of the summarize function; README's configuration table lists them all. */
@ConfigMapping(prefix = "ragfn.summarize")
public interface SummarizeConfig {

    /** Base URL of the Prometheus HTTP API (Prometheus, Thanos Querier or OpenShift monitoring). */
    @WithDefault("http://127.0.0.1:9090")
    URI prometheusUrl();

    /** Bearer token for Prometheus, from the environment (RAGFN_SUMMARIZE_BEARER_TOKEN); unset means none. */
    Optional<String> bearerToken();

    /** File holding the bearer token, re-read for every request (a rotating service-account token); used when bearer-token is unset. */
    Optional<Path> bearerTokenFile();

    /** Whether to verify Prometheus's TLS certificate and host name; turn it off only for test clusters. */
    @WithDefault("true")
    boolean verifyTls();

    /** Timeout of each request to Prometheus. */
    @WithDefault("PT30S")
    Duration timeout();

    /** Length of the window summarised when a request names neither start nor duration. */
    @WithDefault("PT24H")
    Duration defaultWindow();

    /** Window ends taken from the clock are rounded down to a multiple of this, so a schedule that fires twice asks for the same window. */
    @WithDefault("PT1H")
    Duration alignment();

    /** Most points per series; the query step is the window divided by this, rounded up to a round step. */
    @WithDefault("300")
    int maxPoints();

    /** Label that holds the Kubernetes namespace on vLLM, DCGM and HTTP metrics; on DCGM metrics its "exported_" form is matched too. */
    @WithDefault("namespace")
    String namespaceLabel();

    /** Label that holds the served model's name on vLLM metrics. */
    @WithDefault("model_name")
    String modelLabel();

    /** Label that holds the pod on vLLM, DCGM and HTTP metrics, which ties GPUs and HTTP answers to a model's pods; on DCGM metrics its "exported_" form is matched too. */
    @WithDefault("pod")
    String podLabel();

    /** Robust z-score (distance from the median in MAD-based standard deviations) beyond which a sample is anomalous. */
    @WithDefault("5")
    double anomalyThreshold();

    /** Shortest flat stretch at a raised level that is reported as a plateau rather than a spike. */
    @WithDefault("PT30M")
    Duration minPlateau();

    /** Largest p-value of the slope's t-test at which a trend counts as significant. */
    @WithDefault("0.001")
    double trendSignificance();

    /** Smallest change over the window, relative to the metric's mean, that makes a significant trend worth reporting. */
    @WithDefault("0.1")
    double trendMinRelativeChange();

    /** Tenant of summaries whose request names none. */
    @WithDefault("default")
    String tenant();
}
