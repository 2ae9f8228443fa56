package dev.ragfn.runtime.funqy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import dev.ragfn.core.event.EventData;
import dev.ragfn.runtime.observe.RagfnTracing;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads {@link EventData} from its structured CloudEvent where a platform hands a function the whole
 * event: on Lambda, EventBridge's rules pass the event itself (sam/template.yaml), since its data alone
 * would lose the event's trace context. The function gets the data; the event's traceparent and
 * tracestate wait on the reading thread until the invocation's span takes them as its parent
 * (FunctionInvocations), as the Knative binding's CloudEvent extensions are taken.
 */
public final class EventEnvelopes {

    private static final ThreadLocal<Map<String, String>> TRACE_CONTEXT = new ThreadLocal<>();

    private EventEnvelopes() {
    }

    /** The trace context of the event just read on this thread, once; empty when none was read. */
    public static Map<String, String> takeTraceContext() {
        Map<String, String> context = TRACE_CONTEXT.get();
        TRACE_CONTEXT.remove();
        return context == null ? Map.of() : context;
    }

    /** Puts the reading in front of every {@link EventData} type's own deserializer. */
    static BeanDeserializerModifier modifier() {
        return new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription bean,
                                                          JsonDeserializer<?> deserializer) {
                return bean.getClassInfo().hasAnnotation(EventData.class) ? new Unwrapping(deserializer) : deserializer;
            }
        };
    }

    private static final class Unwrapping extends DelegatingDeserializer {

        Unwrapping(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new Unwrapping(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.START_OBJECT)) {
                return super.deserialize(parser, context);
            }
            JsonNode value = context.readTree(parser);
            if (value.has("specversion") && value.has("data")) {
                Map<String, String> trace = new HashMap<>();
                for (String key : new String[] {RagfnTracing.TRACEPARENT, RagfnTracing.TRACESTATE}) {
                    if (value.path(key).isTextual()) {
                        trace.put(key, value.get(key).asText());
                    }
                }
                TRACE_CONTEXT.set(Map.copyOf(trace));
                value = value.get("data");
            }
            JsonParser data = value.traverse(parser.getCodec());
            data.nextToken();
            return super.deserialize(data, context);
        }
    }
}
