package dev.ragfn.runtime.observe;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.arc.InstanceHandle;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.HashMap;
import java.util.Map;

/**
 * ragfn's spans, through the application's OpenTelemetry (quarkus-opentelemetry, off unless
 * {@code quarkus.otel.sdk.disabled=false}), and the trace context an event carries in the
 * CloudEvents distributed-tracing extension ({@code traceparent}, {@code tracestate}). Outside
 * Quarkus, or with tracing off, every span is a no-op.
 */
public final class RagfnTracing {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";
    private static final String SCOPE = "dev.ragfn";
    private static final Tracer NOOP = OpenTelemetry.noop().getTracer(SCOPE);
    private static final TextMapGetter<Map<String, String>> EXTENSIONS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private static volatile Tracer tracer;

    private RagfnTracing() {
    }

    /** The application's tracer, looked up once the container runs; a no-op one before and outside Quarkus. */
    public static Tracer tracer() {
        Tracer known = tracer;
        if (known != null) {
            return known;
        }
        ArcContainer container = Arc.container();
        if (container == null || !container.isRunning()) {
            return NOOP;
        }
        InstanceHandle<OpenTelemetry> otel = container.instance(OpenTelemetry.class);
        known = otel.isAvailable() ? otel.get().getTracer(SCOPE) : NOOP;
        tracer = known;
        return known;
    }

    /** Uses {@code tracer} from now on: for code that runs outside Quarkus, such as the benchmarks; null looks the container's up again. */
    public static void use(Tracer tracer) {
        RagfnTracing.tracer = tracer;
    }

    /** Whether spans are exported: decorators that cost a call per method are only put in place then. */
    public static boolean enabled() {
        return !ConfigProvider.getConfig().getOptionalValue("quarkus.otel.sdk.disabled", Boolean.class).orElse(true);
    }

    /** A started span of the current context; the caller ends it. */
    public static Span start(String name, SpanKind kind) {
        return tracer().spanBuilder(name).setSpanKind(kind).startSpan();
    }

    /** A started span whose parent is the context an event carries, or the current one when it carries none. */
    public static Span startFromEvent(String name, SpanKind kind, Map<String, String> extensions) {
        Context parent = extensions == null || !extensions.containsKey(TRACEPARENT) ? Context.current()
                : W3CTraceContextPropagator.getInstance().extract(Context.current(), extensions, EXTENSIONS);
        return tracer().spanBuilder(name).setSpanKind(kind).setParent(parent).startSpan();
    }

    /** The context an event carries, for making it current while the event is delivered. */
    public static Context fromEvent(Map<String, String> extensions) {
        return extensions == null || !extensions.containsKey(TRACEPARENT) ? Context.current()
                : W3CTraceContextPropagator.getInstance().extract(Context.current(), extensions, EXTENSIONS);
    }

    /** {@code extensions} with the current span's context as traceparent/tracestate (unchanged without a valid span). */
    public static Map<String, String> withCurrentContext(Map<String, String> extensions) {
        if (!Span.current().getSpanContext().isValid()) {
            return extensions;
        }
        Map<String, String> carried = new HashMap<>(extensions == null ? Map.of() : extensions);
        carried.remove(TRACESTATE);
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carried, Map::put);
        return carried;
    }
}
