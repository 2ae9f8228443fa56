package dev.ragfn.bundle;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP receiver (protobuf, {@code POST /v1/traces}) in the test JVM, decoding what the
 * bundle's exporter sends with OpenTelemetry's own protocol classes, and the settings that switch
 * the bundle's tracing on and point it here, with JSON log lines to a file as deployed functions write them.
 */
public final class OtlpReceiver implements QuarkusTestResourceLifecycleManager {

    /** One received span, its ids in hex as trace viewers show them. */
    public record ReceivedSpan(String traceId, String spanId, String parentSpanId, String name,
                               Map<String, String> attributes) {
    }

    static final List<ReceivedSpan> SPANS = new CopyOnWriteArrayList<>();
    /** Where the bundle under test writes its log as JSON lines. */
    static final Path LOG_FILE = Path.of("target", "tracing-it-" + UUID.randomUUID() + ".log").toAbsolutePath();
    private static HttpServer server;

    @Override
    public synchronized Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/traces", exchange -> {
            try (exchange) {
                InputStream body = exchange.getRequestBody();
                if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                    body = new GZIPInputStream(body);
                }
                receive(ExportTraceServiceRequest.parseFrom(body.readAllBytes()));
                byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
                exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
                exchange.getResponseBody().write(answer);
            }
        });
        server.start();
        return Map.of("quarkus.otel.sdk.disabled", "false",
                "quarkus.otel.exporter.otlp.endpoint", "http://127.0.0.1:" + server.getAddress().getPort(),
                "quarkus.otel.exporter.otlp.protocol", "http/protobuf",
                // Export soon after a span ends, so the test need not wait the default five seconds.
                "quarkus.otel.bsp.schedule.delay", "PT0.2S",
                // JSON log lines as deployed functions write them, to a file the test reads.
                "quarkus.log.file.enabled", "true",
                "quarkus.log.file.json.enabled", "true",
                "quarkus.log.file.path", LOG_FILE.toString());
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static void receive(ExportTraceServiceRequest request) {
        HexFormat hex = HexFormat.of();
        for (ResourceSpans resource : request.getResourceSpansList()) {
            for (ScopeSpans scope : resource.getScopeSpansList()) {
                scope.getSpansList().forEach(span -> {
                    Map<String, String> attributes = new LinkedHashMap<>();
                    for (KeyValue attribute : span.getAttributesList()) {
                        var value = attribute.getValue();
                        attributes.put(attribute.getKey(), value.hasIntValue() ? String.valueOf(value.getIntValue())
                                : value.hasBoolValue() ? String.valueOf(value.getBoolValue())
                                : value.hasDoubleValue() ? String.valueOf(value.getDoubleValue()) : value.getStringValue());
                    }
                    SPANS.add(new ReceivedSpan(hex.formatHex(span.getTraceId().toByteArray()),
                            hex.formatHex(span.getSpanId().toByteArray()),
                            hex.formatHex(span.getParentSpanId().toByteArray()), span.getName(), attributes));
                });
            }
        }
    }
}
