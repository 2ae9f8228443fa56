package dev.ragfn.core.port;

import dev.ragfn.core.domain.KnowledgeBaseRef;
import dev.ragfn.core.event.EventAttributes;

import java.util.Map;

/**
 * Hands a CloudEvent to the broker (Knative's Broker, the bundle's local broker), for a caller that is
 * not answering an event itself: the management API submitting an upload, a re-ingestion or a
 * conversion. The event carries ragfn's extensions: the tenant, and the knowledge base where it
 * concerns one.
 */
public interface EventPublisher {

    /** Publishes an event of {@code type} with these extension attributes; returns once the broker has taken it. */
    void publish(String type, String source, Map<String, String> extensions, Object data);

    /**
     * The largest file, in bytes, that this broker can carry inline in one event (as base64, beside the rest of
     * the event): unbounded unless the broker caps the size of an event, as EventBridge does.
     */
    default long maxInlineBytes() {
        return Long.MAX_VALUE;
    }

    /** Publishes an event of {@code type} about {@code knowledgeBase}. */
    default void publish(String type, String source, KnowledgeBaseRef knowledgeBase, Object data) {
        publish(type, source, Map.of(EventAttributes.TENANT, knowledgeBase.tenant(),
                EventAttributes.KNOWLEDGE_BASE, knowledgeBase.knowledgeBase()), data);
    }
}
