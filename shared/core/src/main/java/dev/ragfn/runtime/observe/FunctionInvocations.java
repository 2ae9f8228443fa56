package dev.ragfn.runtime.observe;

import dev.ragfn.core.error.RagfnException;
import dev.ragfn.runtime.funqy.EventEnvelopes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.quarkus.funqy.Funq;
import io.quarkus.funqy.knative.events.CloudEvent;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import java.util.Locale;
import java.util.Map;

/**
 * Measures and traces every {@code @Funq} method of an {@link ObservedFunction} class: a timer
 * tagged by function and outcome ({@code success}, the {@link RagfnException.Kind} of a failure,
 * or {@code error}), and a span named after the function whose parent is the trace context the
 * incoming CloudEvent carries (its {@code traceparent} extension, or the envelope's of data read from
 * its event on Lambda), else the current one (the HTTP request's). Events the function answers with carry the span's context on (StructuredCloudEvent).
 */
@ObservedFunction
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER)
public class FunctionInvocations {

    @AroundInvoke
    Object invoke(InvocationContext context) throws Exception {
        Funq funq = context.getMethod().getAnnotation(Funq.class);
        if (funq == null) {
            return context.proceed();
        }
        String function = funq.value().isEmpty() ? context.getMethod().getName() : funq.value();
        CloudEvent<?> event = event(context.getParameters());
        // Taken whatever the parameters, so no context outlives the invocation whose input carried it.
        Map<String, String> enveloped = EventEnvelopes.takeTraceContext();
        Span span = event != null ? RagfnTracing.startFromEvent(function, SpanKind.CONSUMER, event.extensions())
                : !enveloped.isEmpty() ? RagfnTracing.startFromEvent(function, SpanKind.CONSUMER, enveloped)
                : RagfnTracing.start(function, SpanKind.INTERNAL);
        span.setAttribute("faas.invoked_name", function);
        if (event != null) {
            span.setAttribute("cloudevents.event_id", String.valueOf(event.id()));
            span.setAttribute("cloudevents.event_type", String.valueOf(event.type()));
        }
        long start = System.nanoTime();
        Object result;
        try (Scope ignored = span.makeCurrent(); LogContext log = LogContext.of(function, event, context.getParameters())) {
            result = context.proceed();
        } catch (Exception | Error e) {
            finish(function, span, e, start);
            throw e;
        }
        if (result instanceof Uni<?> uni) {
            // An asynchronous function has finished when its Uni has, not when it returns it.
            return uni.onItemOrFailure().invoke((item, failure) -> finish(function, span, failure, start));
        }
        finish(function, span, null, start);
        return result;
    }

    private static void finish(String function, Span span, Throwable failure, long start) {
        String outcome = outcome(failure);
        RagfnMeters.functionInvoked(function, outcome, System.nanoTime() - start);
        if (failure != null) {
            span.recordException(failure);
            span.setStatus(StatusCode.ERROR, outcome);
        }
        span.end();
    }

    private static CloudEvent<?> event(Object[] parameters) {
        for (Object parameter : parameters) {
            if (parameter instanceof CloudEvent<?> event) {
                return event;
            }
        }
        return null;
    }

    private static String outcome(Throwable failure) {
        if (failure == null) {
            return "success";
        }
        return failure instanceof RagfnException e ? e.kind().name().toLowerCase(Locale.ROOT) : "error";
    }
}
