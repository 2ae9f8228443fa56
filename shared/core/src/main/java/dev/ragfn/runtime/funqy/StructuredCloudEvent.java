package dev.ragfn.runtime.funqy;

import dev.ragfn.runtime.observe.RagfnTracing;
import dev.ragfn.core.domain.KnowledgeBaseRef;
import dev.ragfn.core.event.EventAttributes;
import io.quarkus.funqy.knative.events.CloudEvent;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

/**
 * A CloudEvent whose data is JSON: what ragfn's functions answer, and what EventBridge hands them on
 * Lambda. It is Funqy's own CloudEvent type, so on Knative Funqy sends it back as the reply (its type
 * and extensions included) and the Broker routes it; on Lambda {@link CloudEventJson} writes it as a
 * structured CloudEvent, which the OnSuccess destination puts on the bus.
 */
public record StructuredCloudEvent<T>(String specVersion, String id, String source, String type, String subject,
                                      OffsetDateTime time, Map<String, String> extensions, T data)
        implements CloudEvent<T> {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";

    public StructuredCloudEvent {
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    /**
     * An event about a knowledge base: a new id, the current time, tenant and knowledge base as
     * extensions, and the current trace context (traceparent, tracestate) when a span is recording.
     */
    public static <T> CloudEvent<T> about(KnowledgeBaseRef kb, String type, String source, T data) {
        return new StructuredCloudEvent<>(SPEC_VERSION, UUID.randomUUID().toString(), source, type, null,
                OffsetDateTime.now(ZoneOffset.UTC), RagfnTracing.withCurrentContext(Map.of(EventAttributes.TENANT,
                kb.tenant(), EventAttributes.KNOWLEDGE_BASE, kb.knowledgeBase())), data);
    }

    @Override
    public String dataSchema() {
        return null;
    }

    @Override
    public String dataContentType() {
        return JSON;
    }
}
