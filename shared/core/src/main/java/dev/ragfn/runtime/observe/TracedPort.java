package dev.ragfn.runtime.observe;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * A store or index with a client span per call ({@code index.vectorSearch}, {@code documents.putNewVersion}),
 * tagged with the adapter's technology ({@code db.system}). One proxy covers every port and adapter;
 * the producers put it in place only when tracing is on.
 */
public final class TracedPort implements InvocationHandler {

    private final Object target;
    private final String prefix;
    private final String system;

    private TracedPort(Object target, String prefix) {
        this.target = target;
        this.prefix = prefix;
        this.system = target.getClass().getSimpleName();
    }

    /** {@code target} traced when tracing is on, itself otherwise. */
    public static <T> T of(Class<T> port, T target, String prefix) {
        return RagfnTracing.enabled() ? traced(port, target, prefix) : target;
    }

    /** {@code target} traced, whether tracing is on or not. */
    public static <T> T traced(Class<T> port, T target, String prefix) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[]{port}, new TracedPort(target, prefix)));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> method.invoke(target, args);
            };
        }
        Span span = RagfnTracing.start(prefix + "." + method.getName(), SpanKind.CLIENT);
        span.setAttribute("db.system", system);
        try (Scope ignored = span.makeCurrent()) {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            span.recordException(e.getCause());
            span.setStatus(StatusCode.ERROR);
            throw e.getCause();
        } finally {
            span.end();
        }
    }
}
