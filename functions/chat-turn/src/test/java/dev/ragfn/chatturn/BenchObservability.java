package dev.ragfn.chatturn;

import com.sun.net.httpserver.HttpServer;
import dev.ragfn.runtime.observe.RagfnTracing;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Metrics and tracing for {@link ChatTurnBenchmark} outside Quarkus, switched on and off between
 * blocks of turns, as a deployed function has them: a Prometheus registry recording every ragfn_*
 * meter, and an OpenTelemetry SDK whose batch processor sends every span as OTLP/HTTP protobuf to
 * a collector: the given endpoint (a sink in another process, so that receiving costs this process
 * nothing), or else a receiver on 127.0.0.1 in this process that reads and drops every request.
 */
final class BenchObservability implements AutoCloseable {

    private static final Tracer OFF = OpenTelemetry.noop().getTracer("dev.ragfn");

    private final HttpServer receiver;
    private final AtomicLong exportedSpans = new AtomicLong();
    private final AtomicLong receivedBytes = new AtomicLong();
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final SdkTracerProvider tracing;

    private BenchObservability(Optional<URI> collector) throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/v1/traces", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                receivedBytes.addAndGet(body.transferTo(OutputStream.nullOutputStream()));
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        URI endpoint = collector.orElseGet(() -> {
            receiver.start();
            return URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/v1/traces");
        });
        tracing = SdkTracerProvider.builder()
                .addSpanProcessor(BatchSpanProcessor.builder(new OtlpHttp(endpoint, exportedSpans)).build()).build();
    }

    /** Started, and off until {@link #on()}; spans go to {@code collector} (an OTLP/HTTP traces URL) when given. */
    static BenchObservability start(Optional<URI> collector) throws IOException {
        return new BenchObservability(collector);
    }

    void on() {
        Metrics.globalRegistry.add(registry);
        RagfnTracing.use(tracing.get("dev.ragfn"));
    }

    /** Off again, once the spans so far are exported: their export is part of the work done with tracing on. */
    void off() {
        tracing.forceFlush().join(10, TimeUnit.SECONDS);
        Metrics.globalRegistry.remove(registry);
        RagfnTracing.use(OFF);
    }

    /** What reached the receiver and how many series the registry holds: proof that both were live. */
    String summary() {
        long series = registry.scrape().lines().filter(l -> l.startsWith("ragfn_")).count();
        return String.format("%,d spans exported over OTLP/HTTP (%,d bytes received in process); Prometheus registry:"
                + " %d ragfn_* series", exportedSpans.get(), receivedBytes.get(), series);
    }

    @Override
    public void close() {
        off();
        tracing.shutdown().join(10, TimeUnit.SECONDS);
        registry.close();
        receiver.stop(0);
    }

    /** OTLP/HTTP with protobuf bodies, as quarkus-opentelemetry exports by default (protocol http/protobuf). */
    private record OtlpHttp(URI endpoint, AtomicLong sent) implements SpanExporter {
        private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            try {
                TraceRequestMarshaler.create(spans).writeBinaryTo(body);
                HttpResponse<Void> response = CLIENT.send(HttpRequest.newBuilder(endpoint)
                        .header("Content-Type", "application/x-protobuf")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                        HttpResponse.BodyHandlers.discarding());
                sent.addAndGet(spans.size());
                return response.statusCode() == 200 ? CompletableResultCode.ofSuccess() : CompletableResultCode.ofFailure();
            } catch (IOException e) {
                return CompletableResultCode.ofFailure();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return CompletableResultCode.ofFailure();
            }
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
