package dev.ragfn.summarize.metrics;

import dev.ragfn.summarize.metrics.Metric.Family;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Series selectors of one metric family limited to a scope, as PromQL.
 * <ul>
 * <li>vLLM series carry the namespace and the served model: plain label matchers.</li>
 * <li>HTTP series carry the namespace but no model: with a model in the scope they are kept
 * only for the pods that serve it, which vLLM's own series name.</li>
 * <li>DCGM series name the pod using the GPU in {@code namespace}/{@code pod}, but a scrape with
 * {@code honorLabels: false} (dcgm-exporter's chart, the GPU Operator) keeps the exporter's own
 * namespace and pod there and moves the GPU user's to {@code exported_namespace}/{@code exported_pod}.
 * Both forms are matched; with a model in the scope the GPUs are joined to its pods like HTTP series.</li>
 * </ul>
 */
public final class ScopedSeries {

    /** A gauge every vLLM pod exports all the time; its pod labels tell which pods serve a model. */
    public static final String MODEL_PODS = "vllm:num_requests_running";
    private static final String EXPORTED = "exported_";

    private final Scope scope;
    private final Family family;
    private final Duration rateRange;
    private final String namespaceLabel;
    private final String modelLabel;
    private final String podLabel;

    ScopedSeries(Scope scope, Family family, Duration rateRange, String namespaceLabel, String modelLabel,
                 String podLabel) {
        this.scope = scope;
        this.family = family;
        this.rateRange = rateRange;
        this.namespaceLabel = namespaceLabel;
        this.modelLabel = modelLabel;
        this.podLabel = podLabel;
    }

    /** The scope's series of {@code metric}, with further matchers such as {@code status=~"5.."}. */
    public String instant(String metric, String... matchers) {
        return scoped(metric, null, matchers);
    }

    /** The per-second rate of the scope's series of the counter {@code metric}. */
    public String rate(String metric, String... matchers) {
        return scoped(metric, "rate", matchers);
    }

    /** How much the counter {@code metric} grew over the rate range, per series of the scope. */
    public String increase(String metric, String... matchers) {
        return scoped(metric, "increase", matchers);
    }

    /** Selectors for discovery: any series of these names in the scope, whatever its labels. */
    List<String> discovery(String names) {
        String name = "__name__=~\"" + names + "\"";
        String namespace = scope.namespace();
        if (family == Family.DCGM && namespace != null) {
            return List.of(braces(name, equal(EXPORTED + namespaceLabel, namespace)),
                    braces(name, equal(namespaceLabel, namespace)));
        }
        return List.of(braces(name, namespaceMatcher(), family == Family.VLLM ? modelMatcher() : null));
    }

    private String scoped(String metric, String rate, String... matchers) {
        return switch (family) {
            case VLLM -> wrap(metric + braces(namespaceMatcher(), modelMatcher(), matchers), rate);
            case HTTP -> joinedToModelPods(wrap(metric + braces(namespaceMatcher(), null, matchers), rate));
            case DCGM -> gpuSeries(metric, rate, matchers);
            case PLATFORM -> wrap(metric + braces(namespaceMatcher(), null, matchers), rate);
        };
    }

    private String gpuSeries(String metric, String rate, String... matchers) {
        String namespace = scope.namespace();
        String exportedNamespace = EXPORTED + namespaceLabel;
        if (namespace == null && scope.model() == null) {
            return wrap(metric + braces(null, null, matchers), rate);
        }
        String unexported = wrap(metric + braces(namespace == null ? null : equal(namespaceLabel, namespace),
                exportedNamespace + "=\"\"", matchers), rate);
        String exported = wrap(metric + braces(namespace == null ? exportedNamespace + "!=\"\""
                : equal(exportedNamespace, namespace), null, matchers), rate);
        if (scope.model() == null) {
            return "(" + exported + " or " + unexported + ")";
        }
        // The exported pod label becomes the pod label, so both forms join to the model's pods alike.
        String relabelled = "label_replace(" + exported + ", \"" + podLabel + "\", \"$1\", \"" + EXPORTED + podLabel
                + "\", \"(.+)\")";
        return joinedToModelPods("(" + relabelled + " or " + unexported + ")");
    }

    private String joinedToModelPods(String series) {
        if (scope.model() == null) {
            return series;
        }
        // In parentheses: "and" binds more loosely than arithmetic, and queries divide scoped series.
        return "(" + series + " and on (" + podLabel + ") group by (" + podLabel + ") (" + MODEL_PODS
                + braces(namespaceMatcher(), modelMatcher()) + "))";
    }

    /** {@code selector} as is, or through {@code function} (rate, increase) over the rate range. */
    private String wrap(String selector, String function) {
        return function == null ? selector : function + "(" + selector + "[" + MetricCatalog.promDuration(rateRange) + "])";
    }

    private String namespaceMatcher() {
        return scope.namespace() == null ? null : equal(namespaceLabel, scope.namespace());
    }

    private String modelMatcher() {
        return scope.model() == null ? null : equal(modelLabel, scope.model());
    }

    private static String braces(String first, String second, String... more) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.add(second);
        all.addAll(Arrays.asList(more));
        List<String> present = all.stream().filter(Objects::nonNull).toList();
        return present.isEmpty() ? "" : "{" + String.join(",", present) + "}";
    }

    private static String equal(String label, String value) {
        return label + "=\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
