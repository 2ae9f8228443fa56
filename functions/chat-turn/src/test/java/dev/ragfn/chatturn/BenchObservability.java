package dev.ragfn.chatturn;

import dev.ragfn.runtime.observe.RagfnTracing;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;

import java.util.Collection;

/**
 * Metrics and tracing switched on for {@link ChatTurnBenchmark}, outside Quarkus, as a deployed
 * function has them: a Prometheus registry recording every ragfn_* meter, and an OpenTelemetry SDK
 * whose batch processor takes every span (its exporter drops them: the network is not measured).
 */
final class BenchObservability implements AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final SdkTracerProvider tracing = SdkTracerProvider.builder()
            .addSpanProcessor(BatchSpanProcessor.builder(new Dropping()).build()).build();

    private BenchObservability() {
        Metrics.globalRegistry.add(registry);
        RagfnTracing.use(tracing.get("dev.ragfn"));
    }

    static BenchObservability on() {
        return new BenchObservability();
    }

    @Override
    public void close() {
        Metrics.globalRegistry.remove(registry);
        RagfnTracing.use(OpenTelemetry.noop().getTracer("dev.ragfn"));
        tracing.shutdown();
        registry.close();
    }

    private static final class Dropping implements SpanExporter {
        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
