package dev.ragfn.core.port;

import dev.ragfn.core.domain.KnowledgeBaseRef;

/**
 * Hands a CloudEvent to the broker (Knative's Broker, the bundle's local broker), for a caller that is
 * not answering an event itself: the management API submitting an upload or a re-ingestion. The
 * event carries the knowledge base's tenant and name as its extensions, as every ragfn event does.
 */
public interface EventPublisher {

    /** Publishes an event of {@code type} about {@code knowledgeBase}; returns once the broker has taken it. */
    void publish(String type, String source, KnowledgeBaseRef knowledgeBase, Object data);
}
