package dev.ragfn.runtime.observe;

import dev.ragfn.core.event.EventAttributes;
import io.quarkus.funqy.knative.events.CloudEvent;
import org.jboss.logging.MDC;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The function, event id and tenant of an invocation in the logging MDC while it runs, so every log
 * line (JSON in deployed forms) says which invocation wrote it; trace and span ids are added by
 * quarkus-opentelemetry. The tenant comes from the event's extension or the input's {@code tenant}
 * component; never anything of the content.
 */
final class LogContext implements AutoCloseable {

    static final String FUNCTION = "function";
    static final String EVENT_ID = "eventId";
    static final String TENANT = "tenant";
    /** The accessor of a record's {@code tenant} component, per input type; empty when it has none. */
    private static final Map<Class<?>, Optional<Method>> TENANT_ACCESSORS = new ConcurrentHashMap<>();

    private final Object previousFunction;
    private final Object previousEvent;
    private final Object previousTenant;

    private LogContext(String function, String eventId, String tenant) {
        previousFunction = MDC.get(FUNCTION);
        previousEvent = MDC.get(EVENT_ID);
        previousTenant = MDC.get(TENANT);
        put(FUNCTION, function);
        put(EVENT_ID, eventId);
        put(TENANT, tenant);
    }

    static LogContext of(String function, CloudEvent<?> event, Object[] parameters) {
        String tenant = null;
        if (event != null && event.extensions() != null) {
            tenant = event.extensions().get(EventAttributes.TENANT);
        }
        for (int i = 0; tenant == null && i < parameters.length; i++) {
            tenant = tenantOf(parameters[i]);
        }
        return new LogContext(function, event == null ? null : event.id(), tenant);
    }

    private static String tenantOf(Object input) {
        if (input == null || !input.getClass().isRecord()) {
            return null;
        }
        Optional<Method> accessor = TENANT_ACCESSORS.computeIfAbsent(input.getClass(), type -> {
            for (RecordComponent component : type.getRecordComponents()) {
                if (component.getName().equals(TENANT) && component.getType() == String.class) {
                    return Optional.of(component.getAccessor());
                }
            }
            return Optional.empty();
        });
        try {
            return accessor.isEmpty() ? null : (String) accessor.get().invoke(input);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    @Override
    public void close() {
        restore(FUNCTION, previousFunction);
        restore(EVENT_ID, previousEvent);
        restore(TENANT, previousTenant);
    }

    private static void put(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }

    private static void restore(String key, Object previous) {
        put(key, previous == null ? null : previous.toString());
    }
}
